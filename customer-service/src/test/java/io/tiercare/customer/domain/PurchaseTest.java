package io.tiercare.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.customer.domain.event.PurchaseRecorded;
import io.tiercare.customer.domain.event.PurchaseRefunded;

/** A purchase and the refunds given on it (domain.md §2): money in CNY fen, never more back than was paid. */
class PurchaseTest {

    private static final UUID CUSTOMER = UUID.fromString("01937a2e-5c4b-7d10-8a2b-3c4d5e6f7a82");
    private static final String ORDER = "SO-2026-000123";
    private static final Instant PURCHASED = Instant.parse("2026-11-20T06:15:00Z");
    private static final Instant RECORDED = Instant.parse("2026-11-20T06:16:00Z");
    private static final Instant REFUNDED = Instant.parse("2026-11-21T03:00:00Z");

    @Test
    void aPurchaseIsKeptInFenAndPublishedWithItsOrder() {
        Purchase.Recorded recorded = Purchase.record(CUSTOMER, ORDER, new BigDecimal("12800"), PURCHASED, "空调",
                "STORE", RECORDED);
        Purchase purchase = recorded.purchase();

        assertThat(purchase.amount()).isEqualTo(new BigDecimal("12800.00"));
        assertThat(purchase.refundedAmount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(purchase.remainingAmount()).isEqualTo(new BigDecimal("12800.00"));
        assertThat(purchase.currency()).isEqualTo("CNY");
        assertThat(purchase.refunds()).isEmpty();
        assertThat(recorded.event()).isEqualTo(new PurchaseRecorded(CUSTOMER, purchase.id(), ORDER,
                new BigDecimal("12800.00"), "CNY", PURCHASED, "空调", "STORE"));
    }

    @Test
    void timesAreKeptToTheMicrosecondSoARetryGetsTheAnswerTheFirstRecordGot() {
        Purchase.Recorded recorded = Purchase.record(CUSTOMER, ORDER, new BigDecimal("99.90"),
                Instant.parse("2026-11-20T06:15:00.123456789Z"), null, null,
                Instant.parse("2026-11-20T06:16:00.000000999Z"));

        assertThat(recorded.purchase().purchasedAt()).isEqualTo(Instant.parse("2026-11-20T06:15:00.123456Z"));
        assertThat(recorded.purchase().recordedAt()).isEqualTo(Instant.parse("2026-11-20T06:16:00Z"));
        assertThat(recorded.event().purchasedAt()).isEqualTo(Instant.parse("2026-11-20T06:15:00.123456Z"));
    }

    @Test
    void aPartialRefundReturnsTheRefundAndSaysWhatIsLeftOfTheOrder() {
        Purchase purchase = order("12800.00");

        Purchase.Refunded refunded = purchase.refund("RF-2026-000045", new BigDecimal("800"), REFUNDED,
                "外机噪音大，部分退款", REFUNDED.plusSeconds(5));

        assertThat(refunded.event()).isEqualTo(new PurchaseRefunded(CUSTOMER, refunded.refund().id(), purchase.id(),
                ORDER, "RF-2026-000045", new BigDecimal("800.00"), new BigDecimal("12000.00"), "CNY", REFUNDED));
        assertThat(refunded.refund().amount()).isEqualTo(new BigDecimal("800.00"));
        assertThat(refunded.refund().reason()).isEqualTo("外机噪音大，部分退款");
        assertThat(purchase.refundedAmount()).isEqualTo(new BigDecimal("800.00"));
        assertThat(purchase.remainingAmount()).isEqualTo(new BigDecimal("12000.00"));
        assertThat(purchase.amount()).as("the order's amount never changes").isEqualTo(new BigDecimal("12800.00"));
    }

    @Test
    void partialRefundsAddUp() {
        Purchase purchase = order("12800.00");

        PurchaseRefunded first = purchase.refund("RF-1", new BigDecimal("800.00"), REFUNDED, null, REFUNDED).event();
        PurchaseRefunded second = purchase.refund("RF-2", new BigDecimal("1200.50"), REFUNDED.plusSeconds(3600),
                null, REFUNDED.plusSeconds(3600)).event();

        assertThat(first.remainingAmount()).isEqualTo(new BigDecimal("12000.00"));
        assertThat(second.remainingAmount()).isEqualTo(new BigDecimal("10799.50"));
        assertThat(purchase.refundedAmount()).isEqualTo(new BigDecimal("2000.50"));
        assertThat(purchase.remainingAmount()).isEqualTo(new BigDecimal("10799.50"));
        assertThat(purchase.refunds()).extracting(Refund::externalRefundId).containsExactly("RF-1", "RF-2");
    }

    @Test
    void aRefundNeverExceedsWhatWasPaidForTheOrder() {
        Purchase purchase = order("12800.00");

        assertThatThrownBy(() -> purchase.refund("RF-1", new BigDecimal("12800.01"), REFUNDED, null, REFUNDED))
                .isInstanceOf(ConflictException.class)
                .hasMessage("refund of 12800.01 exceeds the 12800.00 CNY left of order " + ORDER);
        assertThat(purchase.refunds()).isEmpty();
        assertThat(purchase.remainingAmount()).isEqualTo(new BigDecimal("12800.00"));
    }

    @Test
    void aRefundNeverExceedsWhatEarlierRefundsLeftOfTheOrder() {
        Purchase purchase = order("12800.00");
        purchase.refund("RF-1", new BigDecimal("12000.00"), REFUNDED, null, REFUNDED);

        assertThatThrownBy(() -> purchase.refund("RF-2", new BigDecimal("800.01"), REFUNDED, null, REFUNDED))
                .isInstanceOf(ConflictException.class)
                .hasMessage("refund of 800.01 exceeds the 800.00 CNY left of order " + ORDER);
        assertThat(purchase.refundedAmount()).isEqualTo(new BigDecimal("12000.00"));
        assertThat(purchase.refunds()).extracting(Refund::externalRefundId).containsExactly("RF-1");
    }

    @Test
    void theWholeOrderCanBeRefundedButNotAFenMore() {
        Purchase purchase = order("12800.00");

        PurchaseRefunded all = purchase.refund("RF-1", new BigDecimal("12800.00"), REFUNDED, null, REFUNDED).event();

        assertThat(all.remainingAmount()).isEqualTo(new BigDecimal("0.00"));
        assertThatThrownBy(() -> purchase.refund("RF-2", new BigDecimal("0.01"), REFUNDED, null, REFUNDED))
                .isInstanceOf(ConflictException.class)
                .hasMessage("refund of 0.01 exceeds the 0.00 CNY left of order " + ORDER);
    }

    @Test
    void aRefundCannotPrecedeThePurchase() {
        Purchase purchase = order("12800.00");

        assertThatThrownBy(() -> purchase.refund("RF-1", new BigDecimal("100.00"), PURCHASED.minusSeconds(1), null,
                REFUNDED)).isInstanceOf(ConflictException.class)
                .hasMessage("a refund cannot precede the purchase (2026-11-20T06:15:00Z)");
        assertThat(purchase.refunds()).isEmpty();

        purchase.refund("RF-1", new BigDecimal("100.00"), PURCHASED, "当场退款", REFUNDED);
        assertThat(purchase.remainingAmount()).as("a refund at the moment of purchase is fine")
                .isEqualTo(new BigDecimal("12700.00"));
    }

    @Test
    void refundsAreListedInTheOrderTheyWereGivenWhateverOrderTheyWereRecordedIn() {
        Purchase purchase = order("12800.00");

        purchase.refund("RF-LATE", new BigDecimal("300.00"), REFUNDED.plusSeconds(86_400), null, REFUNDED);
        purchase.refund("RF-EARLY", new BigDecimal("200.00"), REFUNDED, null, REFUNDED.plusSeconds(60));

        assertThat(purchase.refunds()).extracting(Refund::externalRefundId, Refund::refundedAt).containsExactly(
                tuple("RF-EARLY", REFUNDED),
                tuple("RF-LATE", REFUNDED.plusSeconds(86_400)));
    }

    @Test
    void aPurchaseFollowsItsCustomerIntoTheSurvivingRecordOfAMerge() {
        Purchase purchase = order("12800.00");
        UUID survivor = UUID.fromString("01937a2e-5c4b-7d10-8a2b-3c4d5e6f7a83");

        purchase.moveTo(survivor);

        assertThat(purchase.customerId()).isEqualTo(survivor);
        assertThat(purchase.refund("RF-1", new BigDecimal("100.00"), REFUNDED, null, REFUNDED).event().customerId())
                .as("later refunds are the survivor's").isEqualTo(survivor);
    }

    private static Purchase order(String amount) {
        return Purchase.record(CUSTOMER, ORDER, new BigDecimal(amount), PURCHASED, "空调", "STORE", RECORDED)
                .purchase();
    }

    @Test
    void aRefundGivesBackSomethingAndIsKeptToTheMicrosecond() {
        Purchase purchase = order("12800.00");
        assertThatThrownBy(() -> purchase.refund("RF-0", new BigDecimal("0.00"), REFUNDED, null, REFUNDED))
                .isInstanceOf(io.tiercare.chassis.problem.InvalidInputException.class)
                .hasMessage("must be more than 0");
        assertThatThrownBy(() -> purchase.refund("RF-0", new BigDecimal("-5.00"), REFUNDED, null, REFUNDED))
                .isInstanceOf(io.tiercare.chassis.problem.InvalidInputException.class);
        assertThat(purchase.remainingAmount()).as("nothing changed").isEqualTo(new BigDecimal("12800.00"));

        Purchase.Refunded refunded = purchase.refund("RF-1", new BigDecimal("10.00"),
                REFUNDED.plusNanos(123_456_789), null, REFUNDED.plusNanos(1_999));
        assertThat(refunded.refund().refundedAt()).isEqualTo(REFUNDED.plusNanos(123_456_000));
        assertThat(refunded.event().refundedAt()).isEqualTo(REFUNDED.plusNanos(123_456_000));
    }
}

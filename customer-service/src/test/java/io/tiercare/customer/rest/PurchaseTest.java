package io.tiercare.customer.rest;

import static io.tiercare.customer.CustomerApi.as;
import static io.tiercare.customer.CustomerApi.registerIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.tiercare.testing.EventSchemas;
import io.tiercare.testing.TestClock;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;

@QuarkusTest
class PurchaseTest {

    private static final String RECORDED = "tiercare.customer.purchase-recorded.v1";
    private static final String REFUNDED = "tiercare.customer.purchase-refunded.v1";

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldRecordAPurchaseOnceHoweverOftenItIsSent() {
        String customer = registerIndividual("买家");
        String order = "SO-" + UUID.randomUUID();

        ExtractableResponse<Response> first = purchase(customer, order, "12800.50", "2026-11-20T06:15:00.123456789Z")
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/customers/" + customer
                        + "/purchases/"))
                .body("amount", equalTo(12800.50f)).body("currency", equalTo("CNY"))
                .body("refundedAmount", equalTo(0.0f))
                .body("purchasedAt", equalTo("2026-11-20T06:15:00.123456Z")).extract();
        String id = first.path("id");
        // a retry gets the first record exactly as it was answered the first time (times as stored: microseconds)
        purchase(customer, order, "12800.50", "2026-11-20T06:15:00.123456789Z").statusCode(200)
                .body("id", equalTo(id)).body("recordedAt", equalTo(first.path("recordedAt")))
                .body("purchasedAt", equalTo("2026-11-20T06:15:00.123456Z"));
        purchase(customer, order, "99.00", "2026-11-20T06:15:00Z").statusCode(409)
                .body("detail", equalTo("order " + order + " was already recorded for customer " + customer
                        + " with amount 12800.50"));

        ConsumerRecord<String, String> event = TestKafka.awaitRecord("customer.events",
                r -> customer.equals(r.key()) && RECORDED.equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertThat(event.value()).contains("\"externalOrderId\":\"" + order + "\"").contains("\"amount\":12800.50")
                .contains("\"purchaseId\":\"" + id + "\"");
        assertThat(EventSchemas.violations(RECORDED, event.value())).isEmpty();
        assertThat(outboxRows(RECORDED, order)).isEqualTo(1);
    }

    @Test
    void shouldSendThePurchasesEventInTheTraceAndWithTheCorrelationIdOfItsRequest() {
        String customer = registerIndividual("追踪");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "00f067aa0ba902b7";
        String correlationId = "checkout-" + UUID.randomUUID();

        as("INTEGRATION").header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .header("X-Correlation-Id", correlationId)
                .body(body("SO-" + UUID.randomUUID(), "300.00", "2026-11-20T06:15:00Z")).when()
                .post("/api/v1/customers/" + customer + "/purchases").then().statusCode(201)
                .header("X-Correlation-Id", correlationId);

        ConsumerRecord<String, String> event = TestKafka.awaitRecord("customer.events",
                r -> customer.equals(r.key()) && RECORDED.equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20));
        String traceparent = TestKafka.header(event, "traceparent");
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
        assertThat(traceparent.split("-")[2]).as("the relay's send span, a descendant of the request's")
                .isNotEqualTo(callerSpan);
        assertThat(TestKafka.header(event, "ce_correlationid")).isEqualTo(correlationId);
    }

    @Test
    void shouldRefuseImpossibleAmountsAndTimes() {
        String customer = registerIndividual("校验");
        clock.set(Instant.parse("2026-11-22T08:00:00Z"));
        purchase(customer, "SO-" + UUID.randomUUID(), "0", "2026-11-20T06:15:00Z").statusCode(400)
                .body("violations[0].field", equalTo("amount")).body("violations[0].message",
                        equalTo("must be more than 0"));
        purchase(customer, "SO-" + UUID.randomUUID(), "12.345", "2026-11-20T06:15:00Z").statusCode(400)
                .body("violations[0].message", equalTo("must have at most 2 decimal places"));
        purchase(customer, "SO-" + UUID.randomUUID(), "100", "2026-11-23T06:15:00Z").statusCode(400)
                .body("violations[0].field", equalTo("purchasedAt"));
        Map<String, Object> usd = body("SO-" + UUID.randomUUID(), "100", "2026-11-20T06:15:00Z");
        usd.put("currency", "USD");
        as("INTEGRATION").body(usd).when().post("/api/v1/customers/" + customer + "/purchases").then()
                .statusCode(400).body("violations[0].field", equalTo("currency"));
        as("INTEGRATION").body("{\"externalOrderId\":\"x\",\"amount\":\"100\",\"purchasedAt\":\"2026-11-20T06:15:00Z\"}")
                .when().post("/api/v1/customers/" + customer + "/purchases").then().statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        as("ANALYST").body(body("SO-1", "1", "2026-11-20T06:15:00Z")).when()
                .post("/api/v1/customers/" + customer + "/purchases").then().statusCode(403);
        purchase(UUID.randomUUID().toString(), "SO-" + UUID.randomUUID(), "1", "2026-11-20T06:15:00Z")
                .statusCode(404);
        as("AGENT").when().get("/api/v1/customers/" + customer + "/purchases").then().body("totalItems", equalTo(0));
    }

    @Test
    void shouldNeverRefundMoreThanTheOrder() {
        String customer = registerIndividual("退款");
        String order = "SO-" + UUID.randomUUID();
        String purchase = purchase(customer, order, "1000.00", "2026-11-01T02:00:00Z").statusCode(201)
                .extract().path("id");
        String refundsPath = "/api/v1/customers/" + customer + "/purchases/" + purchase + "/refunds";
        String refundId = "RF-" + UUID.randomUUID();

        as("AGENT").body(Map.of("externalRefundId", refundId, "amount", 800.00, "refundedAt",
                "2026-11-02T02:00:00Z", "reason", "部分退款")).when().post(refundsPath).then().statusCode(201)
                .body("refundedAmount", equalTo(800.0f)).body("refunds", hasSize(1))
                .body("refunds[0].externalRefundId", equalTo(refundId));
        as("AGENT").body(Map.of("externalRefundId", refundId, "amount", 800.00, "refundedAt",
                "2026-11-02T02:00:00Z")).when().post(refundsPath).then().statusCode(200)
                .body("refunds", hasSize(1));
        as("AGENT").body(Map.of("externalRefundId", "RF-" + UUID.randomUUID(), "amount", 200.01, "refundedAt",
                "2026-11-03T02:00:00Z")).when().post(refundsPath).then().statusCode(409)
                .body("detail", equalTo("refund of 200.01 exceeds the 200.00 CNY left of order " + order));
        as("AGENT").body(Map.of("externalRefundId", "RF-" + UUID.randomUUID(), "amount", 200.00, "refundedAt",
                "2026-11-03T02:00:00Z")).when().post(refundsPath).then().statusCode(201)
                .body("refundedAmount", equalTo(1000.0f));

        String other = registerIndividual("别人");
        as("AGENT").body(Map.of("externalRefundId", "RF-" + UUID.randomUUID(), "amount", 1, "refundedAt",
                "2026-11-03T02:00:00Z")).when()
                .post("/api/v1/customers/" + other + "/purchases/" + purchase + "/refunds").then().statusCode(404);

        ConsumerRecord<String, String> event = TestKafka.awaitRecord("customer.events",
                r -> customer.equals(r.key()) && REFUNDED.equals(TestKafka.header(r, "ce_type"))
                        && r.value().contains(refundId), Duration.ofSeconds(20));
        assertThat(event.value()).contains("\"remainingAmount\":200.00").contains("\"amount\":800.00");
        assertThat(EventSchemas.violations(REFUNDED, event.value())).isEmpty();
    }

    @Test
    void shouldSummariseSpendNetOfRefundsOverTheTrailingTwelveMonths() {
        clock.set(Instant.parse("2026-11-22T08:00:00Z"));
        String customer = registerIndividual("汇总");
        purchase(customer, "SO-" + UUID.randomUUID(), "50000.00", "2025-11-01T02:00:00Z").statusCode(201);
        String big = purchase(customer, "SO-" + UUID.randomUUID(), "100000.00", "2026-03-10T02:00:00Z")
                .statusCode(201).extract().path("id");
        purchase(customer, "SO-" + UUID.randomUUID(), "20000.00", "2026-11-21T02:00:00Z").statusCode(201);
        // the trailing 12 months are November 2026 and the 11 months before, in business time: from 1 December 2025
        // 00:00 in Shanghai; 25 November 2025 is out, though less than a year ago
        purchase(customer, "SO-" + UUID.randomUUID(), "7000.00", "2025-11-25T02:00:00Z").statusCode(201);
        purchase(customer, "SO-" + UUID.randomUUID(), "5000.00", "2025-11-30T16:00:00Z").statusCode(201);
        as("AGENT").body(Map.of("externalRefundId", "RF-" + UUID.randomUUID(), "amount", 10000, "refundedAt",
                "2026-03-12T02:00:00Z")).when()
                .post("/api/v1/customers/" + customer + "/purchases/" + big + "/refunds").then().statusCode(201);

        as("ANALYST").when().get("/api/v1/customers/" + customer + "/purchase-summary").then().statusCode(200)
                .body("purchaseCount", equalTo(5))
                .body("totalSpend", equalTo(172000.00f))
                .body("refundedTotal", equalTo(10000.00f))
                .body("trailing12MonthSpend", equalTo(115000.00f))
                .body("averageOrderValue", equalTo(34400.00f))
                .body("firstPurchaseAt", equalTo("2025-11-01T02:00:00Z"))
                .body("lastPurchaseAt", equalTo("2026-11-21T02:00:00Z"));
        as("ANALYST").queryParam("size", 2).when().get("/api/v1/customers/" + customer + "/purchases").then()
                .body("items.amount", contains(20000.0f, 100000.0f)).body("hasNext", equalTo(true));

        String none = registerIndividual("无消费");
        as("ANALYST").when().get("/api/v1/customers/" + none + "/purchase-summary").then()
                .body("purchaseCount", equalTo(0)).body("averageOrderValue", equalTo(0.0f))
                .body("firstPurchaseAt", nullValue());
    }

    @Test
    void shouldAnswerEachOfManyConcurrentRecordingsAsIfItCameAlone() throws Exception {
        String live = registerIndividual("并发买家");
        String survivor = registerIndividual("并发保留");
        String duplicate = registerIndividual("并发重复");
        as("SUPERVISOR").body(Map.of("duplicateId", duplicate)).when()
                .post("/api/v1/customers/" + survivor + "/merges").then().statusCode(200);
        String erased = registerIndividual("并发删除");
        as("ADMIN").when().post("/api/v1/customers/" + erased + "/erasure").then().statusCode(200);
        String retried = "SO-" + UUID.randomUUID();
        String clashing = "SO-" + UUID.randomUUID();
        purchase(live, clashing, "10.00", "2026-11-01T02:00:00Z").statusCode(201);

        // 40 callers at once: new orders, one order sent eight times, one sent to a merged id, an erased and an
        // unknown customer, and an order id already used with another amount
        record Call(String customer, String order, String amount, int expected) {
        }
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            calls.add(new Call(live, "SO-" + UUID.randomUUID(), (100 + i) + ".00", 201));
        }
        for (int i = 0; i < 8; i++) {
            calls.add(new Call(live, retried, "520.00", 0)); // one 201, the others 200
        }
        calls.add(new Call(duplicate, "SO-merged-" + UUID.randomUUID(), "77.00", 201));
        calls.add(new Call(erased, "SO-" + UUID.randomUUID(), "1.00", 410));
        calls.add(new Call(UUID.randomUUID().toString(), "SO-" + UUID.randomUUID(), "1.00", 404));
        calls.add(new Call(live, clashing, "99.00", 409));
        Collections.shuffle(calls);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (Call call : calls) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return purchase(call.customer(), call.order(), call.amount(), "2026-11-01T02:00:00Z").extract();
                }));
            }
            start.countDown();
            List<String> retriedIds = new ArrayList<>();
            List<Integer> retriedStatuses = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                Call call = calls.get(i);
                ExtractableResponse<Response> answer = answers.get(i).get(60, TimeUnit.SECONDS);
                if (call.order().equals(retried)) {
                    retriedStatuses.add(answer.statusCode());
                    retriedIds.add(answer.path("id"));
                    continue;
                }
                assertThat(answer.statusCode()).as("%s for %s", call.order(), call.customer())
                        .isEqualTo(call.expected());
                if (call.expected() == 201) {
                    assertThat(answer.<String>path("externalOrderId")).isEqualTo(call.order());
                    assertThat(answer.<Float>path("amount")).isEqualTo(Float.parseFloat(call.amount()));
                    assertThat(answer.<String>path("customerId"))
                            .isEqualTo(call.customer().equals(duplicate) ? survivor : live);
                } else {
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                }
            }
            assertThat(retriedStatuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(retriedIds).hasSize(8).doesNotContainNull().containsOnly(retriedIds.get(0));
        } finally {
            pool.shutdownNow();
        }

        assertThat(outboxRows(RECORDED, retried)).isEqualTo(1);
        assertThat(outboxRows(RECORDED, clashing)).isEqualTo(1);
        as("ANALYST").when().get("/api/v1/customers/" + live + "/purchase-summary").then()
                .body("purchaseCount", equalTo(1 + 24 + 1));
        as("ANALYST").when().get("/api/v1/customers/" + survivor + "/purchase-summary").then()
                .body("purchaseCount", equalTo(1)).body("totalSpend", equalTo(77.0f));
        ConsumerRecord<String, String> merged = TestKafka.awaitRecord("customer.events",
                r -> survivor.equals(r.key()) && RECORDED.equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertThat(merged.value()).contains("\"customerId\":\"" + survivor + "\"").contains("\"amount\":77.00");
    }

    @Test
    void aPurchaseRecordedWhileItsCustomerIsBeingMergedLandsOnTheSurvivor() throws Exception {
        String survivor = registerIndividual("合并中保留");
        String duplicate = registerIndividual("合并中重复");
        String order = "SO-" + UUID.randomUUID();
        try (Connection merging = dataSource.getConnection()) {
            merging.setAutoCommit(false);
            // what a merge does, held open: the duplicate locked, its purchases moved, the record marked merged
            execute(merging, "select id from customer where id = cast(? as uuid) for update", duplicate);
            execute(merging, "update purchase set customer_id = cast(? as uuid) where customer_id = cast(? as uuid)",
                    survivor, duplicate);
            execute(merging, "update customer set status = 'MERGED', merged_into = cast(? as uuid) "
                    + "where id = cast(? as uuid)", survivor, duplicate);
            CompletableFuture<ExtractableResponse<Response>> answer = CompletableFuture
                    .supplyAsync(() -> purchase(duplicate, order, "66.00", "2026-11-01T02:00:00Z").extract());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> answer.isDone() || TestDatabase.number(
                    dataSource, "select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                            + "and query like '%insert into purchase%'") > 0);
            merging.commit();

            ExtractableResponse<Response> recorded = answer.get(30, TimeUnit.SECONDS);
            assertThat(recorded.statusCode()).isEqualTo(201);
            assertThat(recorded.<String>path("customerId")).as("recorded on the survivor, not left on the merged id")
                    .isEqualTo(survivor);
        }
        assertThat(TestDatabase.number(dataSource, "select count(*) from purchase where external_order_id = ? "
                + "and customer_id = cast(? as uuid)", order, survivor)).isEqualTo(1);
    }

    private static void execute(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    private static ValidatableResponse purchase(String customer, String order, String amount, String at) {
        return as("INTEGRATION").body(body(order, amount, at)).when()
                .post("/api/v1/customers/" + customer + "/purchases").then();
    }

    private static Map<String, Object> body(String order, String amount, String at) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalOrderId", order);
        body.put("amount", new java.math.BigDecimal(amount));
        body.put("purchasedAt", at);
        body.put("productCategory", "空调");
        body.put("channel", "STORE");
        return body;
    }

    private long outboxRows(String type, String order) {
        return TestOutbox.published(dataSource, "customer.events", type).stream()
                .filter(r -> r.value().contains("\"externalOrderId\":\"" + order + "\"")).count();
    }
}

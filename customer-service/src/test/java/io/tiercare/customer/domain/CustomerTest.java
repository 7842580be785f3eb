package io.tiercare.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.customer.domain.event.CustomerErased;
import io.tiercare.customer.domain.event.CustomerEvent;
import io.tiercare.customer.domain.event.CustomerMerged;
import io.tiercare.customer.domain.event.CustomerRegistered;
import io.tiercare.customer.domain.event.CustomerUpdated;
import io.tiercare.customer.domain.event.PersonalDataChanged;
import io.tiercare.customer.domain.event.PersonalDataErased;

/** The rules of a customer record and the events each change produces (pure: no database, no broker). */
class CustomerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static CustomerProfile profile(String name, String city) {
        return CustomerProfile.of(name, Gender.FEMALE, LocalDate.of(1990, 5, 17), "13812345678", null, "浙江省",
                city, "文三路 1 号", "零售", null, "STORE", List.of("家电"), null, false, TODAY);
    }

    @Test
    void registrationPublishesTheFactsAndThePersonalDataApart() {
        Customer customer = Customer.register(CustomerType.INDIVIDUAL, profile("林晓", "杭州市"), "am-1", NOW);

        List<CustomerEvent> events = customer.pullEvents();

        assertThat(events).hasSize(2);
        CustomerRegistered registered = (CustomerRegistered) events.get(0);
        assertThat(registered.profile().industry()).isEqualTo("零售");
        assertThat(registered.toString()).doesNotContain("林晓").doesNotContain("13812345678")
                .doesNotContain("1990-05-17").doesNotContain("文三路").doesNotContain("杭州市");
        PersonalDataChanged personal = (PersonalDataChanged) events.get(1);
        assertThat(personal.customerId()).isEqualTo(customer.id());
        assertThat(personal.name()).isEqualTo("林晓");
        assertThat(personal.mobilePhone()).isEqualTo("+8613812345678");
        assertThat(personal.birthday()).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(personal.changedAt()).isEqualTo(NOW);
    }

    @Test
    void changingAPersonalFieldPublishesANewSnapshotAndAFactOnlyChangeDoesNot() {
        Customer customer = Customer.register(CustomerType.INDIVIDUAL, profile("林晓", "杭州市"), "am-1", NOW);
        customer.pullEvents();

        customer.update(profile("林晓", "宁波市"), NOW.plusSeconds(60));
        List<CustomerEvent> moved = customer.pullEvents();
        assertThat(moved).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CustomerUpdated", "PersonalDataChanged");
        assertThat(((CustomerUpdated) moved.get(0)).changedFields()).containsExactly("city");
        assertThat(((PersonalDataChanged) moved.get(1)).city()).isEqualTo("宁波市");

        CustomerProfile p = customer.profile();
        customer.update(CustomerProfile.of(p.name(), p.gender(), p.birthday(), p.mobilePhone(), p.email(),
                p.province(), p.city(), p.address(), "批发", p.companyScale(), p.sourceChannel(), p.tags(),
                p.referredBy(), true, TODAY), NOW.plusSeconds(120));
        assertThat(customer.pullEvents()).singleElement().isInstanceOfSatisfying(CustomerUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("industry", "usesCompetitor"));

        customer.update(customer.profile(), NOW.plusSeconds(180));
        assertThat(customer.pullEvents()).isEmpty();
    }

    @Test
    void erasureAnonymisesTheRecordAndLeavesATombstoneForThePersonalData() {
        Customer customer = Customer.register(CustomerType.INDIVIDUAL, profile("林晓", "杭州市"), "am-1", NOW);
        customer.pullEvents();

        customer.erase(NOW.plusSeconds(60));

        assertThat(customer.status()).isEqualTo(CustomerStatus.ERASED);
        assertThat(customer.profile().mobilePhone()).isNull();
        assertThat(customer.profile().birthday()).isNull();
        assertThat(customer.pullEvents()).containsExactly(new CustomerErased(customer.id(), NOW.plusSeconds(60)),
                new PersonalDataErased(customer.id(), NOW.plusSeconds(60)));
        customer.erase(NOW.plusSeconds(120));
        assertThat(customer.pullEvents()).as("erasing again changes nothing").isEmpty();
        assertThatThrownBy(() -> customer.update(profile("林晓", "杭州市"), NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aMergedRecordsPersonalDataIsForgottenUnderItsOwnId() {
        Customer survivor = Customer.register(CustomerType.INDIVIDUAL, profile("林晓", "杭州市"), "am-1", NOW);
        Customer duplicate = Customer.register(CustomerType.INDIVIDUAL, profile("林晓", "杭州市"), "am-1", NOW);
        survivor.pullEvents();
        duplicate.pullEvents();

        duplicate.mergeInto(survivor, 2, 1, 0, NOW.plusSeconds(60));

        assertThat(duplicate.status()).isEqualTo(CustomerStatus.MERGED);
        assertThat(duplicate.mergedInto()).isEqualTo(survivor.id());
        assertThat(survivor.pullEvents()).containsExactly(
                new CustomerMerged(survivor.id(), duplicate.id(), 2, 1, 0, NOW.plusSeconds(60)),
                new PersonalDataErased(duplicate.id(), NOW.plusSeconds(60)));
        assertThatThrownBy(() -> survivor.mergeInto(survivor, 0, 0, 0, NOW)).isInstanceOf(ConflictException.class);
    }
}

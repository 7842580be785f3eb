package io.tiercare.customer.domain;

import static io.tiercare.customer.domain.CustomerMother.REFERRER;
import static io.tiercare.customer.domain.CustomerMother.REGISTERED;
import static io.tiercare.customer.domain.CustomerMother.TODAY;
import static io.tiercare.customer.domain.CustomerMother.WEEKENDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.customer.domain.event.AccountManagerAssigned;
import io.tiercare.customer.domain.event.CustomerErased;
import io.tiercare.customer.domain.event.CustomerMerged;
import io.tiercare.customer.domain.event.CustomerUpdated;
import io.tiercare.customer.domain.event.PersonalDataChanged;
import io.tiercare.customer.domain.event.PersonalDataErased;
import io.tiercare.customer.domain.event.PreferencesChanged;
import io.tiercare.customer.domain.event.ProfileFacts;

/** Merging, erasing and editing a customer record (domain.md §2): what each allows, changes and announces. */
class CustomerRulesTest {

    private static final Instant LATER = REGISTERED.plusSeconds(3600);
    private static final Instant LATER_STILL = REGISTERED.plusSeconds(7200);

    @Test
    void aRecordMergedIntoAnotherCanNoLongerChange() {
        Customer survivor = CustomerMother.individual();
        Customer duplicate = CustomerMother.individual();
        duplicate.mergeInto(survivor, 1, 0, 0, LATER);
        String refused = "customer " + duplicate.id() + " is merged and cannot change";

        assertThatThrownBy(() -> duplicate.update(CustomerMother.qingheElectric(), LATER_STILL))
                .isInstanceOf(ConflictException.class).hasMessage(refused);
        assertThatThrownBy(() -> duplicate.assignAccountManager("am-9", LATER_STILL))
                .isInstanceOf(ConflictException.class).hasMessage(refused);
        assertThatThrownBy(() -> duplicate.changePreferences(ContactChannel.SMS, List.of(), true, LATER_STILL))
                .isInstanceOf(ConflictException.class).hasMessage(refused);
        assertThatThrownBy(() -> duplicate.mergeInto(CustomerMother.individual(), 0, 0, 0, LATER_STILL))
                .isInstanceOf(ConflictException.class).hasMessage(refused);

        assertThat(duplicate.mergedInto()).as("still resolves to the first survivor").isEqualTo(survivor.id());
        assertThat(duplicate.profile()).isEqualTo(CustomerMother.linXiao());
        assertThat(duplicate.accountManagerId()).isEqualTo("am-1");
    }

    @Test
    void aDuplicateIsMergedOnlyIntoALiveRecord() {
        Customer erased = CustomerMother.individual();
        erased.erase(LATER);
        erased.pullEvents();
        Customer merged = CustomerMother.individual();
        merged.mergeInto(CustomerMother.individual(), 0, 0, 0, LATER);
        Customer duplicate = CustomerMother.individual();

        assertThatThrownBy(() -> duplicate.mergeInto(erased, 2, 1, 0, LATER_STILL))
                .isInstanceOf(ConflictException.class)
                .hasMessage("customer " + erased.id() + " is erased and cannot change");
        assertThatThrownBy(() -> duplicate.mergeInto(merged, 2, 1, 0, LATER_STILL))
                .isInstanceOf(ConflictException.class)
                .hasMessage("customer " + merged.id() + " is merged and cannot change");

        assertThat(duplicate.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(duplicate.mergedInto()).isNull();
        assertThat(erased.pullEvents()).as("no merge announced").isEmpty();
        assertThat(merged.pullEvents()).isEmpty();
    }

    @Test
    void aMergeIsAnnouncedByTheSurvivorAloneWhoseRecordStaysAsItWas() {
        Customer survivor = CustomerMother.individual();
        Customer duplicate = CustomerMother.individual();

        duplicate.mergeInto(survivor, 3, 2, 1, LATER);

        assertThat(duplicate.pullEvents()).isEmpty();
        assertThat(survivor.pullEvents()).first()
                .isEqualTo(new CustomerMerged(survivor.id(), duplicate.id(), 3, 2, 1, LATER));
        assertThat(survivor.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(survivor.profile()).isEqualTo(CustomerMother.linXiao());
        assertThat(survivor.updatedAt()).isEqualTo(LATER);
        assertThat(duplicate.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void erasureAnonymisesEveryPersonalFieldAndKeepsTypeRegionAndIndustryForStatistics() {
        Customer customer = CustomerMother.individual();
        customer.changePreferences(ContactChannel.WECHAT, List.of(WEEKENDS), true, REGISTERED.plusSeconds(60));

        customer.erase(LATER);

        CustomerProfile left = customer.profile();
        assertThat(left.name()).isEqualTo("已删除");
        assertThat(left.gender()).isNull();
        assertThat(left.birthday()).isNull();
        assertThat(left.mobilePhone()).isNull();
        assertThat(left.email()).isNull();
        assertThat(left.address()).isNull();
        assertThat(left.tags()).isEmpty();
        assertThat(left.referredBy()).isNull();
        assertThat(customer.preferredChannel()).isNull();
        assertThat(customer.contactWindows()).isEmpty();
        assertThat(customer.type()).isEqualTo(CustomerType.INDIVIDUAL);
        assertThat(left.province()).isEqualTo("浙江省");
        assertThat(left.city()).isEqualTo("杭州市");
        assertThat(left.industry()).isEqualTo("零售");
        assertThat(customer.erasedAt()).isEqualTo(LATER);

        customer.erase(LATER_STILL);
        assertThat(customer.erasedAt()).as("erased once, when it was first asked").isEqualTo(LATER);
        assertThat(customer.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void anErasedRecordRefusesEveryChange() {
        Customer customer = CustomerMother.enterprise();
        customer.erase(LATER);
        String refused = "customer " + customer.id() + " is erased and cannot change";

        assertThatThrownBy(() -> customer.assignAccountManager("am-9", LATER_STILL))
                .isInstanceOf(ConflictException.class).hasMessage(refused);
        assertThatThrownBy(() -> customer.changePreferences(ContactChannel.EMAIL, List.of(), false, LATER_STILL))
                .isInstanceOf(ConflictException.class).hasMessage(refused);
        assertThatThrownBy(() -> customer.mergeInto(CustomerMother.enterprise(), 0, 0, 0, LATER_STILL))
                .isInstanceOf(ConflictException.class).hasMessage(refused);
        assertThat(customer.accountManagerId()).isEqualTo("am-2");
        assertThat(customer.status()).isEqualTo(CustomerStatus.ERASED);
    }

    @Test
    void aMergedDuplicateIsStillErasedWhenItsPersonIsErased() {
        Customer survivor = CustomerMother.individual();
        Customer duplicate = CustomerMother.individual();
        duplicate.mergeInto(survivor, 1, 0, 0, LATER);

        duplicate.erase(LATER_STILL);

        assertThat(duplicate.status()).isEqualTo(CustomerStatus.ERASED);
        assertThat(duplicate.profile().name()).isEqualTo(Customer.ERASED_NAME);
        assertThat(duplicate.profile().mobilePhone()).isNull();
        assertThat(duplicate.pullEvents()).containsExactly(new CustomerErased(duplicate.id(), LATER_STILL),
                new PersonalDataErased(duplicate.id(), LATER_STILL));
    }

    @Test
    void theSamePhoneAndEmailTypedDifferentlyAreNoChange() {
        Customer customer = CustomerMother.individual();
        CustomerProfile retyped = CustomerMother.linXiao().toBuilder().set("mobilePhone", "+86 138-1234-5678")
                .set("email", "  LIN.XIAO@example.COM ").build(TODAY);

        List<String> changed = customer.update(retyped, LATER);

        assertThat(changed).isEmpty();
        assertThat(customer.pullEvents()).isEmpty();
        assertThat(customer.updatedAt()).isEqualTo(REGISTERED);
    }

    @Test
    void anUpdateNamesTheFieldsItChangedAndPublishesTheFactsAndThePersonalDataAfter() {
        Customer customer = CustomerMother.individual();
        CustomerProfile next = CustomerMother.linXiao().toBuilder().set("mobilePhone", "139 0000 1111")
                .set("companyScale", CompanyScale.SMALL).set("tags", List.of("家电")).build(TODAY);

        List<String> changed = customer.update(next, LATER);

        assertThat(changed).containsExactly("mobilePhone", "companyScale", "tags");
        assertThat(customer.pullEvents()).containsExactly(
                new CustomerUpdated(customer.id(), List.of("mobilePhone", "companyScale", "tags"),
                        new ProfileFacts("零售", CompanyScale.SMALL, "STORE", REFERRER, true), LATER),
                new PersonalDataChanged(customer.id(), "林晓", Gender.FEMALE, LocalDate.of(1990, 5, 17),
                        "+8613900001111", "lin.xiao@example.com", "浙江省", "杭州市", "文三路 1 号", List.of("家电"),
                        LATER));
        assertThat(customer.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void handingTheCustomerToAnotherAccountManagerNamesWhoHadThemBefore() {
        Customer customer = CustomerMother.individual();

        customer.assignAccountManager("am-1", LATER);
        assertThat(customer.pullEvents()).as("the same manager is no change").isEmpty();
        assertThat(customer.updatedAt()).isEqualTo(REGISTERED);

        customer.assignAccountManager("am-2", LATER);
        assertThat(customer.pullEvents()).containsExactly(new AccountManagerAssigned(customer.id(), "am-1", "am-2",
                LATER));

        customer.assignAccountManager(null, LATER_STILL);
        assertThat(customer.pullEvents()).containsExactly(new AccountManagerAssigned(customer.id(), "am-2", null,
                LATER_STILL));
        assertThat(customer.accountManagerId()).isNull();
    }

    @Test
    void contactPreferencesArePublishedOnlyWhenTheyChange() {
        Customer customer = CustomerMother.individual();

        customer.changePreferences(null, null, false, LATER);
        assertThat(customer.pullEvents()).as("nothing given is nothing changed").isEmpty();

        customer.changePreferences(ContactChannel.WECHAT, List.of(WEEKENDS), true, LATER);
        assertThat(customer.pullEvents()).containsExactly(new PreferencesChanged(customer.id(), ContactChannel.WECHAT,
                List.of(WEEKENDS), true, LATER));

        ContactWindow sameWeekends = new ContactWindow(Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY),
                LocalTime.of(10, 0), LocalTime.of(18, 0));
        customer.changePreferences(ContactChannel.WECHAT, List.of(sameWeekends), true, LATER_STILL);
        assertThat(customer.pullEvents()).isEmpty();
        assertThat(customer.updatedAt()).isEqualTo(LATER);
        assertThat(customer.preferredChannel()).isEqualTo(ContactChannel.WECHAT);
        assertThat(customer.contactWindows()).containsExactly(WEEKENDS);
        assertThat(customer.doNotDisturb()).isTrue();
    }
}

package io.tiercare.customer.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Customer records as the desk registers them: a person with every field filled, or an enterprise. */
final class CustomerMother {

    static final Instant REGISTERED = Instant.parse("2026-11-22T08:30:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final UUID REFERRER = UUID.fromString("01937a2e-5c4b-7d10-8a2b-3c4d5e6f7a81");
    static final ContactWindow WEEKENDS = new ContactWindow(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            LocalTime.of(10, 0), LocalTime.of(18, 0));

    private CustomerMother() {
    }

    /** 林晓 of Hangzhou, referred by another customer, with a phone, an email, an address and tags. */
    static CustomerProfile linXiao() {
        return CustomerProfile.of("林晓", Gender.FEMALE, LocalDate.of(1990, 5, 17), "13812345678",
                "Lin.Xiao@Example.com", "浙江省", "杭州市", "文三路 1 号", "零售", null, "STORE", List.of("家电", "老客户"),
                REFERRER, true, TODAY);
    }

    /** 杭州青禾电器有限公司, a large enterprise reached by email. */
    static CustomerProfile qingheElectric() {
        return CustomerProfile.of("杭州青禾电器有限公司", null, null, null, "purchasing@qinghe.example.cn", "浙江省",
                "杭州市", "滨江区江南大道 88 号", "制造业", CompanyScale.LARGE, "EXHIBITION", List.of(), null, false, TODAY);
    }

    static Customer individual() {
        Customer customer = Customer.register(CustomerType.INDIVIDUAL, linXiao(), "am-1", REGISTERED);
        customer.pullEvents();
        return customer;
    }

    static Customer enterprise() {
        Customer customer = Customer.register(CustomerType.ENTERPRISE, qingheElectric(), "am-2", REGISTERED);
        customer.pullEvents();
        return customer;
    }
}

package io.tiercare.customer.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tiercare.chassis.privacy.Masking;
import io.tiercare.customer.domain.CompanyScale;
import io.tiercare.customer.domain.ContactChannel;
import io.tiercare.customer.domain.ContactWindow;
import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.domain.CustomerProfile;
import io.tiercare.customer.domain.CustomerStatus;
import io.tiercare.customer.domain.CustomerType;
import io.tiercare.customer.domain.Gender;

/** A customer as the service hands it out: already masked where the caller may not see personal data. */
public record CustomerView(UUID id, CustomerType type, CustomerStatus status, String name, Gender gender,
        LocalDate birthday, String mobilePhone, String email, String province, String city, String address,
        String industry, CompanyScale companyScale, String sourceChannel, List<String> tags, UUID referredBy,
        boolean usesCompetitor, String accountManagerId, ContactChannel preferredChannel,
        List<ContactWindow> contactWindows, boolean doNotDisturb, Instant createdAt, Instant updatedAt,
        long version) {

    public static CustomerView of(Customer customer, boolean masked) {
        CustomerProfile p = customer.profile();
        return new CustomerView(customer.id(), customer.type(), customer.status(), p.name(), p.gender(),
                masked ? null : p.birthday(),
                masked ? Masking.phone(p.mobilePhone()) : p.mobilePhone(),
                masked ? Masking.email(p.email()) : p.email(),
                p.province(), p.city(), masked ? null : p.address(), p.industry(), p.companyScale(),
                p.sourceChannel(), p.tags(), p.referredBy(), p.usesCompetitor(), customer.accountManagerId(),
                customer.preferredChannel(), customer.contactWindows(), customer.doNotDisturb(),
                customer.createdAt(), customer.updatedAt(), customer.version());
    }
}

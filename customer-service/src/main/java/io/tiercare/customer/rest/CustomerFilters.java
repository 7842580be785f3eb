package io.tiercare.customer.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.tiercare.customer.domain.CustomerStatus;
import io.tiercare.customer.domain.CustomerType;
import io.tiercare.customer.domain.EmailAddress;
import io.tiercare.customer.domain.MobilePhone;
import io.tiercare.customer.repository.CustomerSearch;
import jakarta.ws.rs.QueryParam;

/** The filters of the customer list and export; all optional, combined with AND. */
public class CustomerFilters {

    @QueryParam("name")
    @Parameter(description = "Name prefix", example = "段")
    String name;

    @QueryParam("phone")
    @Parameter(description = "Any accepted phone format", example = "13812341234")
    String phone;

    @QueryParam("email")
    String email;

    @QueryParam("type")
    CustomerType type;

    @QueryParam("province")
    String province;

    @QueryParam("city")
    String city;

    @QueryParam("tag")
    String tag;

    @QueryParam("accountManager")
    String accountManager;

    @QueryParam("createdFrom")
    @Parameter(example = "2026-01-01T00:00:00Z")
    Instant createdFrom;

    @QueryParam("createdTo")
    @Parameter(description = "Exclusive")
    Instant createdTo;

    @QueryParam("status")
    @Parameter(description = "Default ACTIVE")
    CustomerStatus status;

    CustomerSearch toSearch() {
        return new CustomerSearch(text(name), blank(phone) ? null : MobilePhone.normalise("phone", phone),
                blank(email) ? null : EmailAddress.normalise("email", email), type, text(province), text(city),
                text(tag), text(accountManager), createdFrom, createdTo,
                status == null ? CustomerStatus.ACTIVE : status);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }
}

package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tiercare.customer.domain.CustomerProfile;
import io.tiercare.customer.domain.Gender;

/**
 * The customer's personal data as it now stands, whole (a snapshot, not a change): published on the compacted topic
 * {@code customer.personal-data}, where only the latest snapshot per customer is kept and {@link PersonalDataErased}
 * leaves none.
 */
public record PersonalDataChanged(UUID customerId, String name, Gender gender, LocalDate birthday,
        String mobilePhone, String email, String province, String city, String address, List<String> tags,
        Instant changedAt) implements CustomerEvent {

    public static final String TYPE = "tiercare.customer.personal-data.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    /** The profile's fields that are personal data: a change to any of them publishes a new snapshot. */
    public static final List<String> FIELDS = List.of("name", "gender", "birthday", "mobilePhone", "email",
            "province", "city", "address", "tags");

    public static PersonalDataChanged of(UUID customerId, CustomerProfile profile, Instant at) {
        return new PersonalDataChanged(customerId, profile.name(), profile.gender(), profile.birthday(),
                profile.mobilePhone(), profile.email(), profile.province(), profile.city(), profile.address(),
                profile.tags(), at);
    }
}

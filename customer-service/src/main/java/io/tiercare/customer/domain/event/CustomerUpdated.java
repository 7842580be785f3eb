package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Fields of a customer record changed; carries the names of the changed fields and the profile's
 * facts after (personal fields changed: a {@link PersonalDataChanged} too). */
public record CustomerUpdated(UUID customerId, List<String> changedFields, ProfileFacts profile,
        Instant updatedAt) implements CustomerEvent {

    public static final String TYPE = "tiercare.customer.updated.v2";

    @Override
    public String eventType() {
        return TYPE;
    }
}

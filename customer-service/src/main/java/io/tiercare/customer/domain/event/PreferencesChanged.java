package io.tiercare.customer.domain.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tiercare.customer.domain.ContactChannel;
import io.tiercare.customer.domain.ContactWindow;

/** How and when the customer wishes to be contacted changed. */
public record PreferencesChanged(UUID customerId, ContactChannel preferredChannel, List<ContactWindow> contactWindows,
        boolean doNotDisturb, Instant changedAt) implements CustomerEvent {

    public static final String TYPE = "tiercare.customer.preferences-changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

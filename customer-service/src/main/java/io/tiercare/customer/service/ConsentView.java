package io.tiercare.customer.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.customer.domain.Consent;
import io.tiercare.customer.domain.ContactChannel;

/** Current marketing consent per channel (a channel never asked is not granted) and the full history. */
@Schema(name = "Consents")
public record ConsentView(UUID customerId, List<Entry> current, List<Entry> history) {

    @Schema(name = "ConsentEntry")
    public record Entry(ContactChannel channel, boolean granted, String source, Instant changedAt) {

        static Entry of(Consent consent) {
            return new Entry(consent.channel(), consent.granted(), consent.source(), consent.changedAt());
        }
    }
}

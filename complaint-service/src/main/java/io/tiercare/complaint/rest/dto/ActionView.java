package io.tiercare.complaint.rest.dto;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.complaint.repository.ComplaintRepository.Action;

/** One line of a complaint's timeline: who did what, when, from which status to which, and the note. */
public record ActionView(UUID id, String action, String actor, Instant at, String fromStatus, String toStatus,
        String note) {

    public static ActionView of(Action action) {
        return new ActionView(action.id(), action.action(), action.actor(), action.at(), action.fromStatus(),
                action.toStatus(), action.note());
    }
}

package io.tiercare.complaint.domain.event;

import java.time.Instant;

/** The open milestones' deadlines (null: met, or not part of this round). */
public record Deadlines(Instant acknowledgeBy, Instant planBy, Instant resolveBy) {
}

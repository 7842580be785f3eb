package io.tiercare.complaint.domain.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A workflow step that needs nothing beyond who did it and when: acknowledged, plan proposed, waiting on the
 * customer, resumed, resolved, closed, reopened. The moment is also given under the step's own name
 * ({@code resolvedAt}, …) for consumers that read it so; {@code deadlines} are the open milestones' after the step.
 */
public record ComplaintProgressed(@JsonIgnore Step step, UUID complaintId, UUID customerId, String category, String severity,
        Instant at, String by, String status, long pausedSeconds, Deadlines deadlines) implements ComplaintEvent {

    @Override
    public String eventType() {
        return "tiercare.complaint." + step.typeName() + ".v1";
    }

    /** The moment under the step's own name: {@code resolvedAt}, {@code closedAt}, {@code reopenedAt}, …. */
    @JsonAnyGetter
    public Map<String, Object> stepTime() {
        return Map.of(step.timeField, at);
    }

    public enum Step {
        ACKNOWLEDGED("acknowledged", "acknowledgedAt"), PLAN_PROPOSED("plan-proposed", "planProposedAt"),
        WAITING("waiting", "waitingSince"), RESUMED("resumed", "resumedAt"), RESOLVED("resolved", "resolvedAt"),
        CLOSED("closed", "closedAt"), REOPENED("reopened", "reopenedAt");

        private final String type;
        private final String timeField;

        Step(String type, String timeField) {
            this.type = type;
            this.timeField = timeField;
        }

        /** The event type's name: {@code tiercare.complaint.<name>.v1}. */
        public String typeName() {
            return type;
        }
    }
}

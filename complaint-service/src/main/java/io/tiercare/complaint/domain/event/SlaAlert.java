package io.tiercare.complaint.domain.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The SLA detector's finding about one milestone: it became at risk (escalated to level 1, the supervisor) or was
 * breached (level 2, the manager). Published as {@code sla-at-risk} or {@code sla-breached}, each followed by an
 * {@code escalated} event naming the level.
 */
public record SlaAlert(@JsonIgnore Kind kind, UUID complaintId, UUID customerId, String category, String severity,
        String milestone, int round, Instant dueAt, Instant detectedAt, int escalationLevel, String escalatedTo,
        String reason) implements ComplaintEvent {

    @Override
    public String eventType() {
        return "tiercare.complaint." + kind.typeName() + ".v1";
    }

    public enum Kind {
        AT_RISK("sla-at-risk"), BREACHED("sla-breached"), ESCALATED("escalated");

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        public String typeName() {
            return type;
        }
    }

    /** The escalation that follows this finding. */
    public SlaAlert escalation() {
        return new SlaAlert(Kind.ESCALATED, complaintId, customerId, category, severity, milestone, round, dueAt,
                detectedAt, escalationLevel, escalatedTo, reason);
    }
}

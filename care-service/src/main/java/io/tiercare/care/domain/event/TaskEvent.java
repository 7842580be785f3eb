package io.tiercare.care.domain.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.tiercare.chassis.outbox.PublishedEvent;

/**
 * Something that happened to a care task, as published on {@code care.events}
 * ({@code tiercare.care.task-<change>.v1}). The fields every change has come first; the rest are present where the
 * change has them (the schemas say which); a task that came from an event rather than the plan names its
 * {@code occasion} (and a welcome gift its {@code giftCode}) in every event. Never free text a person wrote: notes
 * and skip reasons stay in care-service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskEvent(@JsonIgnore Change change, UUID taskId, UUID customerId, String itemCode, String scheme,
        String tier, String kind, String owner, String assignee, LocalDate dueOn, Integer attempt, Instant at,
        String occasion, String giftCode, @JsonUnwrapped Details details) implements PublishedEvent {

    @Override
    public String eventType() {
        return "tiercare.care." + change.typeName() + ".v1";
    }

    /** The change, and the event type's name. */
    public enum Change {
        SCHEDULED("task-scheduled"), STARTED("task-started"), COMPLETED("task-completed"),
        SKIPPED("task-skipped"), RESCHEDULED("task-rescheduled"), REASSIGNED("task-reassigned"),
        OVERDUE("task-overdue"), ESCALATED("task-escalated"), CANCELLED("task-cancelled"), MISSED("task-missed");

        private final String typeName;

        Change(String typeName) {
            this.typeName = typeName;
        }

        public String typeName() {
            return typeName;
        }
    }

    /**
     * What only some changes carry: the plan's explanation and period end (scheduled), the outcome and satisfaction
     * (completed; {@code onTime}: by the due date), the previous due date (rescheduled), the previous assignee
     * (reassigned), the level escalated to (escalated), and the system's reason (cancelled).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(Integer planVersion, LocalDate periodEnd, String explanation, String outcome,
            Integer satisfaction, Boolean onTime, LocalDate previousDueOn, String previousAssignee, String escalatedTo,
            String reason) {

        public static Details none() {
            return new Details(null, null, null, null, null, null, null, null, null, null);
        }
    }
}

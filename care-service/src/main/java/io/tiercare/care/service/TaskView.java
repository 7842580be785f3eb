package io.tiercare.care.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tiercare.care.domain.CareTask;
import io.tiercare.care.repository.TaskRow;

/**
 * A care task as the API shows it: {@code overdue} when still open after its due date; {@code actions}: what the
 * caller may do with it now. Notes and reasons are masked for roles that read personal data masked.
 */
public record TaskView(UUID id, UUID customerId, String itemCode, String scheme, String tier, String title,
        String kind, String channel, String owner, String assignee, String status, boolean overdue,
        boolean escalated, LocalDate opensOn, LocalDate dueOn, LocalDate periodEnd, int attempt, int planVersion,
        String explanation, String outcome, Integer satisfaction, boolean asksSatisfaction, String notes,
        String reason, Instant createdAt, Instant startedAt, Instant closedAt, String closedBy,
        List<String> actions, String occasion, String giftCode) {

    static TaskView of(CareTask t, Access access, LocalDate today) {
        return of(TaskRow.of(t), access, today);
    }

    static TaskView of(TaskRow t, Access access, LocalDate today) {
        boolean open = t.status().isOpen();
        return new TaskView(t.id(), t.customerId(), t.itemCode(), t.scheme(), t.tier(), t.title(), t.kind().name(),
                t.channel().name(), t.owner().name(), t.assignee(), t.status().name(),
                open && t.dueOn().isBefore(today), t.escalated(), t.opensOn(), t.dueOn(), t.periodEnd(),
                t.attempt(), t.planVersion(), t.explanation(), t.outcome() == null ? null : t.outcome().name(),
                t.satisfaction(), t.asksSatisfaction(), access.text(t.notes()), access.text(t.reason()),
                t.createdAt(), t.startedAt(), t.closedAt(), t.closedBy(),
                CareTask.actions(t.status()).stream()
                        .filter(a -> !"reassign".equals(a) || access.managerScope().isEmpty()).sorted().toList(),
                t.occasion(), t.giftCode());
    }
}

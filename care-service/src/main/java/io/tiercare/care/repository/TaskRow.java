package io.tiercare.care.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.tiercare.care.domain.CareChannel;
import io.tiercare.care.domain.CareTask;
import io.tiercare.care.domain.Outcome;
import io.tiercare.care.domain.Owner;
import io.tiercare.care.domain.TaskKind;
import io.tiercare.care.domain.TaskStatus;

/**
 * A care task as it is read for showing: what a queue page lists, read straight from its row without an entity (a
 * page is read thousands of times a second), or taken from a loaded {@link CareTask}.
 */
public record TaskRow(UUID id, UUID customerId, String itemCode, String scheme, String tier, String title,
        TaskKind kind, CareChannel channel, Owner owner, String assignee, TaskStatus status, boolean escalated,
        LocalDate opensOn, LocalDate dueOn, LocalDate periodEnd, int attempt, int planVersion, String explanation,
        Outcome outcome, Integer satisfaction, boolean asksSatisfaction, String notes, String reason,
        Instant createdAt, Instant startedAt, Instant closedAt, String closedBy, String occasion, String giftCode) {

    /** The columns {@link #read} expects, in its order. */
    static final String COLUMNS = "t.id, t.customer_id, t.item_code, t.scheme, t.tier, t.title, t.kind, t.channel, "
            + "t.owner, t.assignee, t.status, t.escalated_at is not null, t.opens_on, t.due_on, t.period_end, "
            + "t.attempt, t.plan_version, t.explanation, t.outcome, t.satisfaction, t.asks_satisfaction, t.notes, "
            + "t.reason, t.created_at, t.started_at, t.closed_at, t.closed_by, t.occasion, t.gift_code";

    public static TaskRow of(CareTask t) {
        return new TaskRow(t.id(), t.customerId(), t.itemCode(), t.scheme(), t.tier(), t.title(), t.kind(),
                t.channel(), t.owner(), t.assignee(), t.status(), t.escalatedAt() != null, t.opensOn(), t.dueOn(),
                t.periodEnd(), t.attempt(), t.planVersion(), t.explanation(), t.outcome(), t.satisfaction(),
                t.asksSatisfaction(), t.notes(), t.reason(), t.createdAt(), t.startedAt(), t.closedAt(),
                t.closedBy(), t.occasion(), t.giftCode());
    }

    /** The row at the result's cursor, its columns from {@code first} on as {@link #COLUMNS} lists them. */
    static TaskRow read(ResultSet rs, int first) throws SQLException {
        int c = first;
        return new TaskRow(rs.getObject(c++, UUID.class), rs.getObject(c++, UUID.class), rs.getString(c++),
                rs.getString(c++), rs.getString(c++), rs.getString(c++), TaskKind.valueOf(rs.getString(c++)),
                CareChannel.valueOf(rs.getString(c++)), Owner.valueOf(rs.getString(c++)), rs.getString(c++),
                TaskStatus.valueOf(rs.getString(c++)), rs.getBoolean(c++), rs.getObject(c++, LocalDate.class),
                rs.getObject(c++, LocalDate.class), rs.getObject(c++, LocalDate.class), rs.getInt(c++),
                rs.getInt(c++), rs.getString(c++), outcome(rs.getString(c++)), integer(rs, c++), rs.getBoolean(c++),
                rs.getString(c++), rs.getString(c++), instant(rs, c++), instant(rs, c++), instant(rs, c++),
                rs.getString(c++), rs.getString(c++), rs.getString(c));
    }

    private static Outcome outcome(String value) {
        return value == null ? null : Outcome.valueOf(value);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

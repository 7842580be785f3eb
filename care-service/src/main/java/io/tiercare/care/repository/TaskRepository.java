package io.tiercare.care.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.tiercare.care.domain.CarePlanner.OpenTask;
import io.tiercare.care.domain.CareTask;
import io.tiercare.care.domain.Owner;
import io.tiercare.care.domain.TaskKind;
import io.tiercare.care.domain.TaskStatus;
import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/** Care tasks, the schedules that open them, and each task's action log. */
@ApplicationScoped
public class TaskRepository {

    /** Which tasks a queue lists, relative to today. */
    public enum View {
        OPEN, DUE_TODAY, OVERDUE, UPCOMING, CLOSED, ALL
    }

    /** A queue's filters; null means any. {@code assignee} is the manager whose queue it is. */
    public record Filter(View view, String assignee, String tier, TaskKind kind, TaskStatus status, UUID customerId,
            Owner owner) {
    }

    private static final List<TaskStatus> OPEN = List.copyOf(TaskStatus.OPEN);

    private final EntityManager em;
    private final AgroalDataSource dataSource;

    TaskRepository(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    public Optional<CareTask> find(UUID id) {
        return Optional.ofNullable(em.find(CareTask.class, id));
    }

    public void add(CareTask task) {
        em.persist(task);
    }

    /** Writes pending changes now (a cancellation before the insert that takes its place). */
    public void flush() {
        em.flush();
    }

    /**
     * The open tasks of several customers (a chunk), by customer, as planning sees them: plain rows, so a re-plan
     * that changes nothing loads no entity.
     */
    public Map<UUID, List<OpenTask>> openTasks(List<UUID> customerIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select customer_id, id, item_code, assignee, pinned, period_end, occasion from care_task
                where customer_id = any(?1) and status in ('SCHEDULED', 'IN_PROGRESS')
                order by id""")
                .setParameter(1, customerIds.toArray(UUID[]::new)).getResultList();
        Map<UUID, List<OpenTask>> out = new HashMap<>();
        rows.forEach(r -> out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new OpenTask((UUID) r[1],
                (String) r[2], (String) r[3], (Boolean) r[4], (LocalDate) r[5], (String) r[6])));
        return out;
    }

    /** The items that recur for each of several customers. */
    public Map<UUID, Set<String>> scheduledItems(List<UUID> customerIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select customer_id, item_code from care_schedule where customer_id = any(?1)")
                .setParameter(1, customerIds.toArray(UUID[]::new)).getResultList();
        Map<UUID, Set<String>> out = new HashMap<>();
        rows.forEach(r -> out.computeIfAbsent((UUID) r[0], k -> new HashSet<>()).add((String) r[1]));
        return out;
    }

    /** Sets when each (customer, item) next opens, in one statement. */
    public void scheduleAll(List<UUID> customers, List<String> items, List<LocalDate> nextOpenOn) {
        if (!customers.isEmpty()) {
            em.createNativeQuery("""
                    insert into care_schedule (customer_id, item_code, next_open_on)
                    select * from unnest(?1, ?2, ?3)
                    on conflict (customer_id, item_code) do update set next_open_on = excluded.next_open_on""")
                    .setParameter(1, customers.toArray(UUID[]::new)).setParameter(2, items.toArray(String[]::new))
                    .setParameter(3, nextOpenOn.toArray(LocalDate[]::new)).executeUpdate();
        }
    }

    /** Stops scheduling each (customer, item), in one statement. */
    public void unscheduleAll(List<UUID> customers, List<String> items) {
        if (!customers.isEmpty()) {
            em.createNativeQuery("""
                    delete from care_schedule s using unnest(?1, ?2) as gone (customer_id, item_code)
                    where s.customer_id = gone.customer_id and s.item_code = gone.item_code""")
                    .setParameter(1, customers.toArray(UUID[]::new)).setParameter(2, items.toArray(String[]::new))
                    .executeUpdate();
        }
    }

    /** Logs one action by {@code actor} on each task, with its note, in one statement. */
    public void logAll(List<UUID> taskIds, String action, String actor, Instant at, List<String> notes) {
        if (!taskIds.isEmpty()) {
            UUID[] ids = taskIds.stream().map(t -> TimeOrderedUuid.next()).toArray(UUID[]::new);
            em.createNativeQuery("""
                    insert into care_task_action (id, task_id, action, actor, at, note)
                    select id, task_id, ?3, ?4, ?5, note from unnest(?1, ?2, ?6) as a (id, task_id, note)""")
                    .setParameter(1, ids).setParameter(2, taskIds.toArray(UUID[]::new)).setParameter(3, action)
                    .setParameter(4, actor).setParameter(5, at).setParameter(6, notes.toArray(String[]::new))
                    .executeUpdate();
        }
    }

    public List<CareTask> openTasks(UUID customerId) {
        return em.createQuery("from CareTask where customerId = :c and status in :open order by id", CareTask.class)
                .setParameter("c", customerId).setParameter("open", OPEN).getResultList();
    }

    public List<CareTask> tasksOf(UUID customerId) {
        return em.createQuery("from CareTask where customerId = :c order by id", CareTask.class)
                .setParameter("c", customerId).getResultList();
    }

    /** The items that recur for the customer now. */
    public Set<String> scheduledItems(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select item_code from care_schedule where customer_id = ?1")
                .setParameter(1, customerId).getResultList();
        return new HashSet<>(rows);
    }

    public void schedule(UUID customerId, String itemCode, LocalDate nextOpenOn) {
        em.createNativeQuery("""
                insert into care_schedule (customer_id, item_code, next_open_on) values (?1, ?2, ?3)
                on conflict (customer_id, item_code) do update set next_open_on = excluded.next_open_on""")
                .setParameter(1, customerId).setParameter(2, itemCode).setParameter(3, nextOpenOn).executeUpdate();
    }

    public void unschedule(UUID customerId, String itemCode) {
        em.createNativeQuery("delete from care_schedule where customer_id = ?1 and item_code = ?2")
                .setParameter(1, customerId).setParameter(2, itemCode).executeUpdate();
    }

    /** A schedule whose next occurrence is due to open. */
    public record DueSchedule(UUID customerId, String itemCode, LocalDate nextOpenOn) {
    }

    /** Claims schedules due to open by {@code today}; replicas skip each other's (SKIP LOCKED). */
    public List<DueSchedule> claimDueSchedules(LocalDate today, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select customer_id, item_code, next_open_on from care_schedule where next_open_on <= ?1
                order by next_open_on limit ?2 for update skip locked""")
                .setParameter(1, today).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new DueSchedule((UUID) r[0], (String) r[1], (LocalDate) r[2])).toList();
    }

    /** Open tasks whose period ended by {@code today}: missed. */
    public List<CareTask> claimEnded(LocalDate today, int limit) {
        return claim("period_end <= ?1", today, limit);
    }

    /** Open tasks past their due date, not yet marked overdue. */
    public List<CareTask> claimNewlyOverdue(LocalDate today, int limit) {
        return claim("due_on < ?1 and overdue_at is null", today, limit);
    }

    /** Overdue tasks not yet escalated, due before {@code dueBefore} (the caller counts the working days). */
    public List<CareTask> claimEscalationCandidates(LocalDate dueBefore, int limit) {
        return claim("due_on < ?1 and overdue_at is not null and escalated_at is null", dueBefore, limit);
    }

    @SuppressWarnings("unchecked")
    private List<CareTask> claim(String condition, LocalDate day, int limit) {
        return em.createNativeQuery("select * from care_task where status in ('SCHEDULED', 'IN_PROGRESS') and "
                + condition + " order by due_on, id limit ?2 for update skip locked", CareTask.class)
                .setParameter(1, day).setParameter(2, limit).getResultList();
    }

    /** A customer's open tasks that came from events (re-planning leaves them alone). */
    @SuppressWarnings("unchecked")
    public List<CareTask> openEventTasks(UUID customerId) {
        return em.createNativeQuery("select * from care_task where customer_id = ?1 and occasion is not null and "
                + "status in ('SCHEDULED', 'IN_PROGRESS') for update", CareTask.class).setParameter(1, customerId)
                .getResultList();
    }

    /** The welcome gifts a customer was given or offered: the level, the gift and when, newest first. */
    @SuppressWarnings("unchecked")
    public List<Object[]> welcomes(UUID customerId) {
        return em.createNativeQuery("select tier, gift_code, created_at from care_task where customer_id = ?1 and "
                + "occasion like 'WELCOME_GIFT:%' and attempt = 1 order by created_at desc")
                .setParameter(1, customerId).getResultList();
    }

    /** Whether a task for this occasion exists already (any status). */
    public boolean hasOccasion(UUID customerId, String occasion) {
        return ((Number) em.createNativeQuery("select count(*) from care_task where customer_id = ?1 and occasion = ?2")
                .setParameter(1, customerId).setParameter(2, occasion).getSingleResult()).longValue() > 0;
    }

    public void log(UUID taskId, String action, String actor, Instant at, String note) {
        em.createNativeQuery("insert into care_task_action (id, task_id, action, actor, at, note) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, TimeOrderedUuid.next()).setParameter(2, taskId)
                .setParameter(3, action).setParameter(4, actor).setParameter(5, at).setParameter(6, note)
                .executeUpdate();
    }

    /** Erasure: the notes people wrote in the customer's task history go; who did what, when, stays. */
    public void forgetActionNotes(UUID customerId) {
        em.createNativeQuery("update care_task_action set note = null where note is not null and task_id in "
                + "(select id from care_task where customer_id = ?1)").setParameter(1, customerId).executeUpdate();
    }

    /** A task's history, oldest first. */
    public record Action(String action, String actor, Instant at, String note) {
    }

    public List<Action> actions(UUID taskId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select action, actor, at, note from care_task_action where task_id = ?1 order by at, id")
                .setParameter(1, taskId).getResultList();
        return rows.stream().map(r -> new Action((String) r[0], (String) r[1], (Instant) r[2], (String) r[3]))
                .toList();
    }

    /**
     * A page of a queue, by due date (then id), and how many tasks the queue holds: one statement, read without
     * entities (the page most often read of all). The open statuses are literals, never parameters, so the planner
     * uses the partial indexes over open tasks whatever plan it caches; the count reads the queue's index only.
     */
    public Page<TaskRow> page(Filter filter, LocalDate today, PageRequest request) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        switch (filter.view()) {
            case OPEN -> where.append(OPEN_SQL);
            case DUE_TODAY -> where.append(OPEN_SQL).append(" and t.due_on = ?");
            case OVERDUE -> where.append(OPEN_SQL).append(" and t.due_on < ?");
            case UPCOMING -> where.append(OPEN_SQL).append(" and t.due_on > ?");
            case CLOSED -> where.append(" and t.status not in ('SCHEDULED', 'IN_PROGRESS')");
            case ALL -> {
            }
        }
        if (where.indexOf("?") >= 0) {
            params.add(today);
        }
        add(where, params, "t.assignee", filter.assignee());
        add(where, params, "t.tier", filter.tier());
        add(where, params, "t.kind", filter.kind() == null ? null : filter.kind().name());
        add(where, params, "t.status", filter.status() == null ? null : filter.status().name());
        add(where, params, "t.customer_id", filter.customerId());
        add(where, params, "t.owner", filter.owner() == null ? null : filter.owner().name());
        // the count comes with every row, and alone (a null row) when the page lies past the end
        String sql = "with n as (select count(*) as total from care_task t" + where + "), "
                + "p as (select " + TaskRow.COLUMNS + " from care_task t" + where
                + " order by t.due_on, t.id offset ? limit ?) "
                + "select n.total, p.* from n left join p on true";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            for (int round = 0; round < 2; round++) {
                for (Object param : params) {
                    statement.setObject(i++, param);
                }
            }
            statement.setInt(i++, request.offset());
            statement.setInt(i, request.size());
            long total = 0;
            List<TaskRow> items = new ArrayList<>(request.size());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    total = rs.getLong(1);
                    if (rs.getObject(2) != null) {
                        items.add(TaskRow.read(rs, 2));
                    }
                }
            }
            return Page.of(items, request, total);
        } catch (SQLException e) {
            throw new PersistenceException("reading a page of care tasks failed", e);
        }
    }

    private static final String OPEN_SQL = " and t.status in ('SCHEDULED', 'IN_PROGRESS')";

    private static void add(StringBuilder where, List<Object> params, String column, Object value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }
}

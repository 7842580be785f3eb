package io.tiercare.tiering.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Array;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;

import io.tiercare.chassis.job.KeyRange;
import io.tiercare.chassis.job.KeyRanges;
import io.tiercare.chassis.merge.MergeChain;
import io.tiercare.tiering.domain.CustomerMetrics;
import io.tiercare.tiering.domain.CustomerMetrics.CareContact;
import io.tiercare.tiering.domain.CustomerMetrics.ComplaintFact;
import io.tiercare.tiering.domain.CustomerMetrics.MonthSpend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The metrics projection's tables. Every write is idempotent given the inbox claim of the event that causes it. */
@ApplicationScoped
public class MetricsRepository {

    private final EntityManager em;

    MetricsRepository(EntityManager em) {
        this.em = em;
    }

    /** The customers to grade (not merged away, not erased), in id order, cut into ranges of at most {@code size}. */
    public List<KeyRange> gradableRanges(int size) {
        return KeyRanges.cut(em, "select customer_id as key from customer_metrics "
                + "where merged_into is null and erased_at is null", size);
    }

    /** The customers of the range to grade now, in id order. */
    public List<UUID> gradable(KeyRange range) {
        return em.createNativeQuery("""
                select customer_id from customer_metrics
                where customer_id between ?1 and ?2 and merged_into is null and erased_at is null
                order by customer_id""", UUID.class).setParameter(1, range.first()).setParameter(2, range.last())
                .getResultList();
    }

    /** The customer this id stands for now: itself, or the survivor it was merged into. */
    public UUID resolve(UUID customerId) {
        return MergeChain.follow(customerId, customerId, id -> {
            List<?> next = em.createNativeQuery("select merged_into from customer_metrics where customer_id = ?1")
                    .setParameter(1, id).getResultList();
            return next.isEmpty() ? null : (UUID) next.get(0);
        }, survivor -> survivor);
    }

    /** Makes sure the customer has a row (events may arrive before the registration). */
    public void ensure(UUID customerId, Instant now) {
        em.createNativeQuery("""
                insert into customer_metrics (customer_id, updated_at) values (?1, ?2)
                on conflict (customer_id) do update set updated_at = excluded.updated_at""")
                .setParameter(1, customerId).setParameter(2, now).executeUpdate();
    }

    public void profile(UUID customerId, Instant registeredAt, boolean usesCompetitor, UUID referredBy) {
        em.createNativeQuery("""
                update customer_metrics set registered_at = coalesce(?2, registered_at), uses_competitor = ?3
                where customer_id = ?1""")
                .setParameter(1, customerId).setParameter(2, registeredAt).setParameter(3, usesCompetitor)
                .executeUpdate();
        if (referredBy == null) {
            em.createNativeQuery("delete from referral where referred_customer_id = ?1").setParameter(1, customerId)
                    .executeUpdate();
        } else {
            em.createNativeQuery("""
                    insert into referral (referred_customer_id, referrer_id) values (?1, ?2)
                    on conflict (referred_customer_id) do update set referrer_id = excluded.referrer_id""")
                    .setParameter(1, customerId).setParameter(2, referredBy).executeUpdate();
        }
    }

    /** Who referred this customer, if anyone (their referral count changes with this customer's profile). */
    public Optional<UUID> referrerOf(UUID customerId) {
        return em.createNativeQuery("select referrer_id from referral where referred_customer_id = ?1", UUID.class)
                .setParameter(1, customerId).getResultStream().map(UUID.class::cast).findFirst();
    }

    /** Adds the purchase to its month; false when it was counted before. */
    public boolean purchase(UUID customerId, UUID purchaseId, BigDecimal amount, Instant purchasedAt, YearMonth month) {
        List<?> early = em.createNativeQuery("""
                select month, refunded from purchase_fact where purchase_id = ?1 and purchased_at is null
                for update""").setParameter(1, purchaseId).getResultList();
        if (!early.isEmpty()) { // its refund came first: complete the row and move the refund to this month
            Object[] row = (Object[]) early.get(0);
            BigDecimal refunded = (BigDecimal) row[1];
            em.createNativeQuery("""
                    update purchase_fact set month = ?2, purchased_at = ?3, amount = ?4 where purchase_id = ?1""")
                    .setParameter(1, purchaseId).setParameter(2, month.atDay(1)).setParameter(3, purchasedAt)
                    .setParameter(4, amount).executeUpdate();
            em.createNativeQuery("""
                    update spend_month set refunded = refunded - ?3 where customer_id = ?1 and month = ?2""")
                    .setParameter(1, customerId).setParameter(2, row[0]).setParameter(3, refunded).executeUpdate();
            addToMonth(customerId, month, amount, refunded);
            return true;
        }
        int inserted = em.createNativeQuery("""
                insert into purchase_fact (purchase_id, customer_id, month, purchased_at, amount)
                values (?1, ?2, ?3, ?4, ?5) on conflict (purchase_id) do nothing""")
                .setParameter(1, purchaseId).setParameter(2, customerId).setParameter(3, month.atDay(1))
                .setParameter(4, purchasedAt).setParameter(5, amount).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        addToMonth(customerId, month, amount, BigDecimal.ZERO);
        return true;
    }

    private void addToMonth(UUID customerId, YearMonth month, BigDecimal gross, BigDecimal refunded) {
        em.createNativeQuery("""
                insert into spend_month (customer_id, month, purchases, gross, refunded) values (?1, ?2, 1, ?3, ?4)
                on conflict (customer_id, month) do update
                set purchases = spend_month.purchases + 1, gross = spend_month.gross + excluded.gross,
                    refunded = spend_month.refunded + excluded.refunded""")
                .setParameter(1, customerId).setParameter(2, month.atDay(1)).setParameter(3, gross)
                .setParameter(4, refunded).executeUpdate();
    }

    /** Takes the refund off the month of its purchase (or of the refund, for a purchase not seen). */
    public void refund(UUID customerId, UUID purchaseId, BigDecimal amount, YearMonth refundMonth) {
        List<?> month = em.createNativeQuery("""
                update purchase_fact set refunded = refunded + ?2 where purchase_id = ?1 returning month""")
                .setParameter(1, purchaseId).setParameter(2, amount).getResultList();
        if (month.isEmpty()) { // the purchase has not arrived yet: the refund waits for it (see purchase)
            em.createNativeQuery("""
                    insert into purchase_fact (purchase_id, customer_id, month, purchased_at, amount, refunded)
                    values (?1, ?2, ?3, null, 0, ?4)""").setParameter(1, purchaseId).setParameter(2, customerId)
                    .setParameter(3, refundMonth.atDay(1)).setParameter(4, amount).executeUpdate();
        }
        LocalDate bucket = month.isEmpty() ? refundMonth.atDay(1) : (LocalDate) month.get(0);
        em.createNativeQuery("""
                insert into spend_month (customer_id, month, refunded) values (?1, ?2, ?3)
                on conflict (customer_id, month) do update set refunded = spend_month.refunded + excluded.refunded""")
                .setParameter(1, customerId).setParameter(2, bucket).setParameter(3, amount).executeUpdate();
    }

    public void inquiry(UUID customerId, Instant occurredAt) {
        em.createNativeQuery("""
                update customer_metrics set inquiries_total = inquiries_total + 1,
                       last_inquiry_at = greatest(last_inquiry_at, ?2)
                where customer_id = ?1""").setParameter(1, customerId).setParameter(2, occurredAt).executeUpdate();
    }

    /** A complaint was filed: its severity and filing time; its open/closed status only if none newer is known. */
    public void complaintFiled(UUID complaintId, UUID customerId, String severity, String category,
            Instant filedAt) {
        em.createNativeQuery("""
                insert into complaint_fact (complaint_id, customer_id, severity, category, filed_at, open, status_at)
                values (?1, ?2, ?3, ?4, ?5, true, ?5)
                on conflict (complaint_id) do update
                set severity = excluded.severity, category = excluded.category, filed_at = excluded.filed_at""")
                .setParameter(1, complaintId).setParameter(2, customerId).setParameter(3, severity)
                .setParameter(4, category).setParameter(5, filedAt).executeUpdate();
    }

    /**
     * The complaint was resolved, closed or reopened at {@code at}. A status older than the one recorded is ignored;
     * a status for a complaint not seen yet is kept until its filing arrives.
     */
    public void complaintStatus(UUID complaintId, UUID customerId, boolean open, Instant at) {
        em.createNativeQuery("""
                insert into complaint_fact (complaint_id, customer_id, filed_at, open, status_at)
                values (?1, ?2, ?4, ?3, ?4)
                on conflict (complaint_id) do update set open = excluded.open, status_at = excluded.status_at
                where complaint_fact.status_at <= excluded.status_at""")
                .setParameter(1, complaintId).setParameter(2, customerId).setParameter(3, open)
                .setParameter(4, at).executeUpdate();
    }

    /**
     * The customer rated the complaint's resolution (1-5); the latest rating counts. A rating means the complaint was
     * resolved by then: unless a newer status is known (a reopening), it counts as closed.
     */
    public void complaintRated(UUID complaintId, UUID customerId, int rating, Instant at) {
        em.createNativeQuery("""
                insert into complaint_fact (complaint_id, customer_id, filed_at, open, status_at, rating)
                values (?1, ?2, ?4, false, ?4, ?3)
                on conflict (complaint_id) do update set rating = excluded.rating,
                    open = case when complaint_fact.status_at <= excluded.status_at then false
                                else complaint_fact.open end,
                    status_at = greatest(complaint_fact.status_at, excluded.status_at)""")
                .setParameter(1, complaintId).setParameter(2, customerId).setParameter(3, rating)
                .setParameter(4, at).executeUpdate();
    }

    /** Records a completed care task once (a redelivery changes nothing). */
    public void careContact(UUID customerId, UUID taskId, Instant completedAt, String outcome, Integer satisfaction) {
        em.createNativeQuery("""
                insert into care_contact (task_id, customer_id, completed_at, outcome, satisfaction)
                values (?1, ?2, ?3, ?4, ?5) on conflict (task_id) do nothing""")
                .setParameter(1, taskId).setParameter(2, customerId).setParameter(3, completedAt)
                .setParameter(4, outcome).setParameter(5, satisfaction).executeUpdate();
    }

    /** Folds everything known about {@code merged} into {@code survivor}; the merged id resolves to it from now on. */
    public void merge(UUID survivor, UUID merged) {
        em.createNativeQuery("""
                insert into spend_month (customer_id, month, purchases, gross, refunded)
                select ?1, month, purchases, gross, refunded from spend_month where customer_id = ?2
                on conflict (customer_id, month) do update
                set purchases = spend_month.purchases + excluded.purchases,
                    gross = spend_month.gross + excluded.gross, refunded = spend_month.refunded + excluded.refunded""")
                .setParameter(1, survivor).setParameter(2, merged).executeUpdate();
        em.createNativeQuery("delete from spend_month where customer_id = ?1").setParameter(1, merged).executeUpdate();
        for (String table : List.of("purchase_fact", "complaint_fact", "care_contact")) {
            em.createNativeQuery("update " + table + " set customer_id = ?1 where customer_id = ?2")
                    .setParameter(1, survivor).setParameter(2, merged).executeUpdate();
        }
        em.createNativeQuery("update referral set referrer_id = ?1 where referrer_id = ?2")
                .setParameter(1, survivor).setParameter(2, merged).executeUpdate();
        em.createNativeQuery("delete from referral where referred_customer_id = ?1").setParameter(1, merged)
                .executeUpdate();
        em.createNativeQuery("""
                update customer_metrics s set inquiries_total = s.inquiries_total + m.inquiries_total,
                       last_inquiry_at = greatest(s.last_inquiry_at, m.last_inquiry_at),
                       uses_competitor = s.uses_competitor or m.uses_competitor
                from customer_metrics m where s.customer_id = ?1 and m.customer_id = ?2""")
                .setParameter(1, survivor).setParameter(2, merged).executeUpdate();
        em.createNativeQuery("""
                update customer_metrics set merged_into = ?1, inquiries_total = 0 where customer_id = ?2""")
                .setParameter(1, survivor).setParameter(2, merged).executeUpdate();
    }

    public void erase(UUID customerId, Instant erasedAt) {
        em.createNativeQuery("update customer_metrics set erased_at = ?2 where customer_id = ?1")
                .setParameter(1, customerId).setParameter(2, erasedAt).executeUpdate();
        em.createNativeQuery("delete from referral where referred_customer_id = ?1").setParameter(1, customerId)
                .executeUpdate();
        // what people wrote about the customer may name them: the facts (tiers, dates, who decided) stay
        em.createNativeQuery("update tier_override set reason = '" + ERASED + "' where customer_id = ?1")
                .setParameter(1, customerId).executeUpdate();
        em.createNativeQuery("update tier_appeal set reason = '" + ERASED + "', decision_reason = case when "
                + "decision_reason is null then null else '" + ERASED + "' end where customer_id = ?1")
                .setParameter(1, customerId).executeUpdate();
        em.createNativeQuery("update tier_history set reason = '" + ERASED + "' where customer_id = ?1")
                .setParameter(1, customerId).executeUpdate();
    }

    /** What stands where erased text was. */
    public static final String ERASED = "[erased]";

    public void accountManager(UUID customerId, String accountManagerId) {
        em.createNativeQuery("update customer_metrics set account_manager_id = ?2 where customer_id = ?1")
                .setParameter(1, customerId).setParameter(2, accountManagerId).executeUpdate();
    }

    public Optional<String> accountManagerOf(UUID customerId) {
        List<?> rows = em.createNativeQuery("select account_manager_id from customer_metrics where customer_id = ?1")
                .setParameter(1, customerId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable((String) rows.get(0));
    }

    /**
     * Locks the customers' rows until the transaction ends, in id order: whoever evaluates a customer next (the
     * event consumers, a bulk chunk, an override) waits, then reads what this transaction committed, so no
     * evaluation based on older facts can overwrite a newer one.
     */
    public void lock(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> Rows.forEach(connection, """
                select customer_id from customer_metrics where customer_id = any(?)
                order by customer_id for update""", connection.createArrayOf("uuid", ids.toArray()), r -> {
                }));
    }

    /** The metrics of a customer tiering grades: empty when unknown, merged away or erased. */
    public Optional<CustomerMetrics> load(UUID customerId) {
        return loadAll(List.of(customerId)).stream().findFirst();
    }

    /**
     * The metrics of many customers at once (set-based: three queries whatever their number), for bulk work such as
     * a simulation or a re-evaluation job; customers merged away or erased are left out. In the order of
     * {@code ids}.
     */
    public List<CustomerMetrics> loadAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        record Base(Instant registeredAt, boolean usesCompetitor, int inquiries, int referrals, Instant firstPurchase,
                Instant lastPurchase) {
        }
        Map<UUID, Base> base = new HashMap<>();
        Map<UUID, List<MonthSpend>> months = new HashMap<>();
        Map<UUID, List<ComplaintFact>> complaints = new HashMap<>();
        Map<UUID, List<CareContact>> care = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            Rows.forEach(connection, """
                    select m.customer_id, m.registered_at, m.uses_competitor, m.inquiries_total,
                           (select count(*) from referral r where r.referrer_id = m.customer_id),
                           (select min(purchased_at) from purchase_fact p where p.customer_id = m.customer_id),
                           (select max(purchased_at) from purchase_fact p where p.customer_id = m.customer_id)
                    from customer_metrics m
                    where m.customer_id = any(?) and m.merged_into is null and m.erased_at is null""", array,
                    r -> base.put(r.getObject(1, UUID.class), new Base(Rows.instant(r, 2), r.getBoolean(3),
                            r.getInt(4), r.getInt(5), Rows.instant(r, 6), Rows.instant(r, 7))));
            Rows.forEach(connection, """
                    select customer_id, month, purchases, gross, refunded from spend_month
                    where customer_id = any(?) order by customer_id, month""", array,
                    r -> months.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new MonthSpend(YearMonth.from(r.getObject(2, LocalDate.class)), r.getInt(3),
                                    r.getBigDecimal(4), r.getBigDecimal(5))));
            Rows.forEach(connection, """
                    select customer_id, filed_at, open, severity, rating from complaint_fact
                    where customer_id = any(?)""", array,
                    r -> complaints.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new ComplaintFact(Rows.instant(r, 2), r.getBoolean(3), r.getString(4),
                                    (Integer) r.getObject(5, Integer.class))));
            Rows.forEach(connection, """
                    select customer_id, completed_at, outcome, satisfaction from care_contact
                    where customer_id = any(?)""", array,
                    r -> care.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new CareContact(Rows.instant(r, 2), r.getString(3),
                                    (Integer) r.getObject(4, Integer.class))));
        });
        List<CustomerMetrics> all = new ArrayList<>(base.size());
        for (UUID id : ids) {
            Base b = base.get(id);
            if (b != null) {
                all.add(new CustomerMetrics(id, b.registeredAt(), b.usesCompetitor(), b.inquiries(), b.referrals(),
                        b.firstPurchase(), b.lastPurchase(), months.getOrDefault(id, List.of()),
                        complaints.getOrDefault(id, List.of()), care.getOrDefault(id, List.of())));
            }
        }
        return all;
    }

    /** The next {@code limit} customers to grade after {@code after} (null: from the first), in id order. */
    public List<UUID> gradedAfter(UUID after, int limit) {
        return em.createNativeQuery("""
                select customer_id from customer_metrics
                where merged_into is null and erased_at is null and customer_id > coalesce(?1, cast(
                    '00000000-0000-0000-0000-000000000000' as uuid))
                order by customer_id limit ?2""", UUID.class).setParameter(1, after).setParameter(2, limit)
                .getResultList();
    }
}

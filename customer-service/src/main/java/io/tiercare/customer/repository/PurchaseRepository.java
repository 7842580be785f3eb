package io.tiercare.customer.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.customer.domain.Purchase;
import io.tiercare.customer.domain.Refund;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<Purchase, UUID> {

    public Optional<Purchase> findByExternalOrderId(String externalOrderId) {
        return find("externalOrderId", externalOrderId).firstResultOptional();
    }

    public Optional<Refund> findRefundByExternalId(String externalRefundId) {
        return getEntityManager().createQuery("from Refund where externalRefundId = :id", Refund.class)
                .setParameter("id", externalRefundId).getResultStream().findFirst();
    }

    /**
     * Inserts the purchase unless its external order id is already recorded; true when it was inserted. A concurrent
     * recording of the same order waits for the other transaction and then finds it recorded.
     */
    public boolean insertIfAbsent(Purchase p) {
        int[] inserted = { 0 };
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("""
                    insert into purchase (id, customer_id, external_order_id, amount, refunded_amount, currency,
                                          purchased_at, product_category, channel, recorded_at, version)
                    values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 0)
                    on conflict (external_order_id) do nothing""")) {
                insert.setObject(1, p.id());
                insert.setObject(2, p.customerId());
                insert.setString(3, p.externalOrderId());
                insert.setBigDecimal(4, p.amount());
                insert.setString(5, p.currency());
                insert.setTimestamp(6, java.sql.Timestamp.from(p.purchasedAt()));
                insert.setString(7, p.productCategory());
                insert.setString(8, p.channel());
                insert.setTimestamp(9, java.sql.Timestamp.from(p.recordedAt()));
                inserted[0] = insert.executeUpdate();
            }
        });
        return inserted[0] == 1;
    }

    /** Serialises concurrent recordings of the same external id until the transaction ends. */
    public void lockExternalId(String externalId) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 7))")
                .setParameter(1, externalId).getSingleResult();
    }

    public List<Purchase> page(UUID customerId, PageRequest page) {
        return find("customerId", Sort.descending("purchasedAt", "id"), customerId)
                .range(page.offset(), page.offset() + page.size() - 1).list();
    }

    public long countFor(UUID customerId) {
        return count("customerId", customerId);
    }

    public record Summary(long purchaseCount, BigDecimal grossTotal, BigDecimal refundedTotal,
            BigDecimal trailingNet, Instant firstPurchaseAt, Instant lastPurchaseAt) {
    }

    public Summary summary(UUID customerId, Instant trailingFrom) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                select count(*), coalesce(sum(amount), 0), coalesce(sum(refunded_amount), 0),
                       coalesce(sum(amount - refunded_amount) filter (where purchased_at >= ?2), 0),
                       min(purchased_at), max(purchased_at)
                from purchase where customer_id = ?1""")
                .setParameter(1, customerId).setParameter(2, trailingFrom).getSingleResult();
        return new Summary(((Number) row[0]).longValue(), (BigDecimal) row[1], (BigDecimal) row[2],
                (BigDecimal) row[3], (Instant) row[4], (Instant) row[5]);
    }

    /** Moves every purchase of {@code from} to {@code to} (a merge); returns how many moved. */
    public int moveAll(UUID from, UUID to) {
        return update("customerId = ?1 where customerId = ?2", to, from);
    }
}

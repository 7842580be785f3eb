package io.tiercare.customer.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;

import io.agroal.api.AgroalDataSource;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.customer.domain.Purchase;
import io.tiercare.customer.domain.Refund;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<Purchase, UUID> {

    private final AgroalDataSource dataSource;
    private final Outbox outbox;

    PurchaseRepository(AgroalDataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    public Optional<Refund> findRefundByExternalId(String externalRefundId) {
        return getEntityManager().createQuery("from Refund where externalRefundId = :id", Refund.class)
                .setParameter("id", externalRefundId).getResultStream().findFirst();
    }

    /**
     * Inserts the purchases whose external order ids are not recorded yet, in one statement, and returns the ids it
     * inserted. A concurrent recording of the same order waits for the other transaction and then finds it recorded.
     */
    public Set<String> insertAllIfAbsent(List<Purchase> batch) {
        Set<String> inserted = new HashSet<>();
        if (batch.isEmpty()) {
            return inserted;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into purchase (id, customer_id, external_order_id, amount, refunded_amount, currency,
                                          purchased_at, product_category, channel, recorded_at, version)
                    select id, customer_id, external_order_id, amount, 0, currency, purchased_at, product_category,
                           channel, recorded_at, 0
                    from unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as text[]), cast(? as numeric[]),
                                cast(? as text[]), cast(? as timestamptz[]), cast(? as text[]), cast(? as text[]),
                                cast(? as timestamptz[]))
                         as p (id, customer_id, external_order_id, amount, currency, purchased_at, product_category,
                               channel, recorded_at)
                    on conflict (external_order_id) do nothing
                    returning external_order_id""")) {
                bindPurchases(connection, insert, batch);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
            }
        });
        return inserted;
    }

    /**
     * The hot path of purchase recording: inserts the purchases of live customers whose external order ids are not
     * recorded yet, together with their events (one per purchase, in the same order), in one statement on a connection of its own in autocommit mode
     * (one round trip, atomic as a single statement). Returns the ids of the purchases it inserted; the others (an
     * order recorded before, a customer merged, erased or unknown) are left for the transactional path to explain.
     */
    public Set<UUID> insertForLiveCustomers(List<Purchase> rows, List<OutboxEvent> events) {
        Set<UUID> inserted = new HashSet<>();
        if (rows.isEmpty()) {
            return inserted;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_FOR_LIVE_CUSTOMERS)) {
                bindPurchases(connection, insert, rows);
                outbox.bindAll(insert, 10, events);
                try (ResultSet ids = insert.executeQuery()) {
                    while (ids.next()) {
                        inserted.add(ids.getObject(1, UUID.class));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("purchases could not be written: " + e.getMessage(), e);
        }
        if (!inserted.isEmpty()) {
            outbox.appended();
        }
        return inserted;
    }

    private static final String INSERT_FOR_LIVE_CUSTOMERS = """
            with input as (
                select * from unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as text[]), cast(? as numeric[]),
                                     cast(? as text[]), cast(? as timestamptz[]), cast(? as text[]),
                                     cast(? as text[]), cast(? as timestamptz[]))
                    with ordinality as p (id, customer_id, external_order_id, amount, currency, purchased_at,
                                          product_category, channel, recorded_at, position)
            ), inserted as (
                insert into purchase (id, customer_id, external_order_id, amount, refunded_amount, currency,
                                      purchased_at, product_category, channel, recorded_at, version)
                select id, customer_id, external_order_id, amount, 0, currency, purchased_at, product_category,
                       channel, recorded_at, 0
                from input p
                where exists (select 1 from customer c where c.id = p.customer_id and c.status = 'ACTIVE'
                              for key share) -- a merge or erasure in progress (it locks the row) is waited for
                order by p.position
                on conflict (external_order_id) do nothing
                returning id
            ), appended as (
            """ + Outbox.appendSelected("e.position in (select p.position from input p join inserted using (id))") + """
            )
            select id from inserted""";

    private static void bindPurchases(Connection connection, PreparedStatement insert, List<Purchase> batch)
            throws SQLException {
        insert.setArray(1, textArray(connection, batch, p -> p.id().toString()));
        insert.setArray(2, textArray(connection, batch, p -> p.customerId().toString()));
        insert.setArray(3, textArray(connection, batch, Purchase::externalOrderId));
        insert.setArray(4, textArray(connection, batch, p -> p.amount().toPlainString()));
        insert.setArray(5, textArray(connection, batch, Purchase::currency));
        insert.setArray(6, textArray(connection, batch, p -> p.purchasedAt().toString()));
        insert.setArray(7, textArray(connection, batch, Purchase::productCategory));
        insert.setArray(8, textArray(connection, batch, Purchase::channel));
        insert.setArray(9, textArray(connection, batch, p -> p.recordedAt().toString()));
    }

    private static java.sql.Array textArray(Connection connection, List<Purchase> batch,
            Function<Purchase, String> column) throws SQLException {
        return connection.createArrayOf("text", batch.stream().map(column).toArray());
    }

    /** The purchases recorded under these external order ids, by id. */
    public Map<String, Purchase> findByExternalOrderIds(Collection<String> externalOrderIds) {
        if (externalOrderIds.isEmpty()) {
            return Map.of();
        }
        return find("externalOrderId in ?1", externalOrderIds).stream()
                .collect(Collectors.toMap(Purchase::externalOrderId, p -> p));
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

package io.tiercare.customer.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tiercare.customer.domain.CustomerImport;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CustomerImportRepository implements PanacheRepositoryBase<CustomerImport, UUID> {

    public Optional<CustomerImport> findBySha256(String sha256) {
        return find("contentSha256", sha256).firstResultOptional();
    }

    /** Takes the job for this worker unless another holds it (its heartbeat newer than {@code staleBefore}). */
    public boolean claim(UUID id, Instant now, Instant staleBefore) {
        return getEntityManager().createNativeQuery("""
                update customer_import set status = 'RUNNING', heartbeat_at = ?2, started_at = coalesce(started_at, ?2)
                where id = ?1 and (status = 'PENDING' or (status = 'RUNNING' and heartbeat_at < ?3))""")
                .setParameter(1, id).setParameter(2, now).setParameter(3, staleBefore).executeUpdate() == 1;
    }

    @SuppressWarnings("unchecked")
    public List<UUID> claimable(Instant staleBefore) {
        return getEntityManager().createNativeQuery("""
                select id from customer_import
                where status = 'PENDING' or (status = 'RUNNING' and heartbeat_at < ?1) order by created_at""", UUID.class)
                .setParameter(1, staleBefore).getResultList();
    }

    public record RowError(int line, String field, String message) {
    }

    public void addErrors(UUID importId, Collection<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement(
                    "insert into customer_import_error (import_id, line, field, message) values (?, ?, ?, ?)")) {
                for (RowError error : errors) {
                    insert.setObject(1, importId);
                    insert.setInt(2, error.line());
                    insert.setString(3, error.field());
                    insert.setString(4, error.message());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @SuppressWarnings("unchecked")
    public List<RowError> errors(UUID importId, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select line, field, message from customer_import_error where import_id = ?1 order by line, id
                limit ?2""").setParameter(1, importId).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new RowError(((Number) r[0]).intValue(), (String) r[1], (String) r[2])).toList();
    }
}

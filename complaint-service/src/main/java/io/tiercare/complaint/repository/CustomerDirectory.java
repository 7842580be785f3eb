package io.tiercare.complaint.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The customers complaint-service knows of, projected from {@code customer.events} and {@code tier.events}. */
@ApplicationScoped
public class CustomerDirectory {

    /** A customer as far as complaints are concerned. */
    public record CustomerRef(UUID customerId, boolean registered, String accountManagerId, String valueTier,
            UUID mergedInto, Instant erasedAt) {
    }

    private final EntityManager em;

    CustomerDirectory(EntityManager em) {
        this.em = em;
    }

    public Optional<CustomerRef> find(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select customer_id, registered, account_manager_id, value_tier, merged_into, erased_at
                from customer_ref where customer_id = ?1""").setParameter(1, customerId).getResultList();
        return rows.stream().findFirst().map(r -> new CustomerRef((UUID) r[0], (Boolean) r[1], (String) r[2],
                (String) r[3], (UUID) r[4], (Instant) r[5]));
    }

    public void registered(UUID customerId, String accountManagerId, Instant at) {
        em.createNativeQuery("""
                insert into customer_ref (customer_id, registered, account_manager_id, updated_at)
                values (?1, true, ?2, ?3)
                on conflict (customer_id) do update set registered = true,
                    account_manager_id = excluded.account_manager_id, updated_at = excluded.updated_at""")
                .setParameter(1, customerId).setParameter(2, accountManagerId).setParameter(3, at).executeUpdate();
    }

    public void accountManager(UUID customerId, String accountManagerId, Instant at) {
        set(customerId, "account_manager_id", accountManagerId, at);
    }

    public void tier(UUID customerId, String tier, Instant at) {
        set(customerId, "value_tier", tier, at);
    }

    public void merged(UUID survivor, UUID merged, Instant at) {
        set(merged, "merged_into", survivor, at);
    }

    public void erased(UUID customerId, Instant at) {
        set(customerId, "erased_at", at, at);
    }

    /** Sets one column of the customer's row, creating the row if this is the first we hear of them. */
    private void set(UUID customerId, String column, Object value, Instant at) {
        em.createNativeQuery("insert into customer_ref (customer_id, " + column + ", updated_at) values (?1, ?2, ?3) "
                + "on conflict (customer_id) do update set " + column + " = excluded." + column
                + ", updated_at = excluded.updated_at")
                .setParameter(1, customerId).setParameter(2, value).setParameter(3, at).executeUpdate();
    }
}

package io.tiercare.care.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** How to reach and address each customer (care_contact_point), as customer.events last said. */
@ApplicationScoped
public class ContactPointRepository {

    /** A customer's name, gender, mobile number and email, any of them possibly unknown. */
    public record ContactPoint(UUID customerId, String name, String gender, String mobilePhone, String email) {
    }

    private final EntityManager em;

    ContactPointRepository(EntityManager em) {
        this.em = em;
    }

    /** Keeps the newer of what is held and what arrives; nothing for an erased customer. */
    public void save(ContactPoint point, Instant at) {
        em.createNativeQuery("""
                insert into care_contact_point (customer_id, name, gender, mobile_phone, email, updated_at)
                select ?1, ?2, ?3, ?4, ?5, ?6
                where not exists (select 1 from care_customer c where c.customer_id = ?1 and c.erased_at is not null)
                on conflict (customer_id) do update set name = excluded.name, gender = excluded.gender,
                    mobile_phone = excluded.mobile_phone, email = excluded.email, updated_at = excluded.updated_at
                where care_contact_point.updated_at <= excluded.updated_at""")
                .setParameter(1, point.customerId()).setParameter(2, point.name()).setParameter(3, point.gender())
                .setParameter(4, point.mobilePhone()).setParameter(5, point.email()).setParameter(6, at)
                .executeUpdate();
    }

    public Optional<ContactPoint> find(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select customer_id, name, gender, mobile_phone, email from care_contact_point where customer_id = ?1")
                .setParameter(1, customerId).getResultList();
        return rows.stream().findFirst().map(r -> new ContactPoint((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4]));
    }

    /** Erasure: nothing of how to reach the customer stays. */
    public void forget(UUID customerId) {
        em.createNativeQuery("delete from care_contact_point where customer_id = ?1").setParameter(1, customerId)
                .executeUpdate();
    }
}

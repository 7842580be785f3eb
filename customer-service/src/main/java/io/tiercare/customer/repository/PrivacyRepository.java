package io.tiercare.customer.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Removes personal data that lives outside the customer row itself. */
@ApplicationScoped
public class PrivacyRepository {

    private final EntityManager em;

    PrivacyRepository(EntityManager em) {
        this.em = em;
    }

    public void forgetInquiryTexts(List<UUID> customerIds) {
        em.createNativeQuery("update inquiry set content = null, topic = null where customer_id = any(cast(?1 as uuid[]))")
                .setParameter(1, array(customerIds)).executeUpdate();
    }

    /** Deletes the events held about these customers, published or still waiting. */
    public void forgetEvents(List<UUID> customerIds) {
        em.createNativeQuery("delete from outbox_event where subject = any(?1)")
                .setParameter(1, customerIds.stream().map(UUID::toString).toArray(String[]::new)).executeUpdate();
    }

    private static String array(List<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }
}

package io.tiercare.customer.service;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import org.jboss.logging.MDC;

import io.tiercare.chassis.web.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Writes the audit trail of unmasked personal-data reads by people (PIPL). */
@ApplicationScoped
public class PersonalDataAudit {

    private final EntityManager em;
    private final Clock clock;

    PersonalDataAudit(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records that the caller read these customers' personal data unmasked; masked reads are not personal data. */
    @Transactional
    public void recordReads(Caller caller, Collection<UUID> customerIds, String action) {
        if (caller.seesMaskedData() || customerIds.isEmpty()) {
            return;
        }
        Object correlationId = MDC.get(CorrelationId.MDC_KEY);
        em.createNativeQuery("""
                insert into personal_data_read (actor, actor_roles, customer_id, action, occurred_at, correlation_id)
                select ?1, ?2, id, ?3, ?4, ?5 from unnest(cast(?6 as uuid[])) as id""")
                .setParameter(1, caller.userId())
                .setParameter(2, caller.rolesText())
                .setParameter(3, action)
                .setParameter(4, clock.instant())
                .setParameter(5, correlationId == null ? null : correlationId.toString())
                .setParameter(6, "{" + String.join(",", customerIds.stream().map(UUID::toString).toList()) + "}")
                .executeUpdate();
    }
}

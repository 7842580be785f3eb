package io.tiercare.chassis.audit;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import org.jboss.logging.MDC;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.security.Roles;
import io.tiercare.chassis.web.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The audit trail PIPL asks for: every answer that carries a customer's personal data unmasked to a person writes a
 * row to the service's {@code personal_data_read} table (actor, roles, customer, action, time, correlation id).
 * Roles that read personal data masked (analysts, other systems) leave no row: what they read is not personal data.
 * The table comes with the chassis's migrations ({@code R__personal_data_read.sql}); a service calls
 * {@link #record} where it answers.
 */
@ApplicationScoped
public class PersonalDataReads {

    private final EntityManager em;
    private final SecurityIdentity identity;
    private final Clock clock;

    PersonalDataReads(EntityManager em, SecurityIdentity identity, Clock clock) {
        this.em = em;
        this.identity = identity;
        this.clock = clock;
    }

    /** The calling person read these customers' personal data unmasked, for {@code action} (READ, LIST, …). */
    @Transactional
    public void record(Collection<UUID> customerIds, String action) {
        // outside a request (a scheduler, a consumer) no person is reading
        if (!io.quarkus.arc.Arc.container().requestContext().isActive() || customerIds.isEmpty()
                || identity.isAnonymous() || Roles.seesMaskedData(identity.getRoles())) {
            return;
        }
        record(identity.getPrincipal().getName(), String.join(",", identity.getRoles().stream().sorted().toList()),
                customerIds, action);
    }

    /** As {@link #record(Collection, String)}, for a caller the service already resolved. */
    @Transactional
    public void record(String actor, String roles, Collection<UUID> customerIds, String action) {
        if (customerIds.isEmpty()) {
            return;
        }
        Object correlationId = MDC.get(CorrelationId.MDC_KEY);
        em.createNativeQuery("""
                insert into personal_data_read (actor, actor_roles, customer_id, action, occurred_at, correlation_id)
                select ?1, ?2, id, ?3, ?4, ?5 from unnest(cast(?6 as uuid[])) as id""")
                .setParameter(1, actor)
                .setParameter(2, roles)
                .setParameter(3, action)
                .setParameter(4, clock.instant())
                .setParameter(5, correlationId == null ? null : correlationId.toString())
                .setParameter(6, "{" + String.join(",", customerIds.stream().map(UUID::toString).toList()) + "}")
                .executeUpdate();
    }
}

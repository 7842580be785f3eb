package io.tiercare.customer.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tiercare.chassis.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Queries over the audit trail of unmasked personal-data reads. */
@ApplicationScoped
public class PersonalDataReadRepository {

    private final EntityManager em;

    PersonalDataReadRepository(EntityManager em) {
        this.em = em;
    }

    public record Result(List<PersonalDataRead> items, long total) {
    }

    @SuppressWarnings("unchecked")
    public Result find(UUID customerId, String actor, Instant from, Instant to, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> values = new ArrayList<>();
        if (customerId != null) {
            values.add(customerId);
            where.append(" and customer_id = ?").append(values.size());
        }
        if (actor != null) {
            values.add(actor);
            where.append(" and actor = ?").append(values.size());
        }
        if (from != null) {
            values.add(from);
            where.append(" and occurred_at >= ?").append(values.size());
        }
        if (to != null) {
            values.add(to);
            where.append(" and occurred_at < ?").append(values.size());
        }
        long total = ((Number) bind(em.createNativeQuery("select count(*) from personal_data_read" + where), values)
                .getSingleResult()).longValue();
        List<Object[]> rows = bind(em.createNativeQuery("""
                select id, actor, actor_roles, customer_id, action, occurred_at, correlation_id
                from personal_data_read""" + where + " order by occurred_at desc, id desc limit "
                + page.size() + " offset " + page.offset()), values).getResultList();
        return new Result(rows.stream().map(r -> new PersonalDataRead(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], (UUID) r[3], (String) r[4], (Instant) r[5], (String) r[6])).toList(), total);
    }

    private static Query bind(Query query, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }
}

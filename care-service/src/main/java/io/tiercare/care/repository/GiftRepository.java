package io.tiercare.care.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The gift catalogue, in the order gifts are offered. */
@ApplicationScoped
public class GiftRepository {

    /** A gift: its code, name, whether it is offered, its place in the order. */
    public record Gift(String code, String name, boolean active, int position) {
    }

    private final EntityManager em;

    GiftRepository(EntityManager em) {
        this.em = em;
    }

    public List<Gift> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, name, active, position from gift "
                + "order by position, code").getResultList();
        return rows.stream().map(r -> new Gift((String) r[0], (String) r[1], (Boolean) r[2],
                ((Number) r[3]).intValue())).toList();
    }

    /** The gifts offered now, in order. */
    public List<Gift> active() {
        return all().stream().filter(Gift::active).toList();
    }

    public Optional<Gift> find(String code) {
        return all().stream().filter(g -> g.code().equals(code)).findFirst();
    }

    public void save(Gift gift, String by, Instant at) {
        em.createNativeQuery("""
                insert into gift (code, name, active, position, updated_by, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (code) do update set name = excluded.name, active = excluded.active,
                    position = excluded.position, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .setParameter(1, gift.code()).setParameter(2, gift.name()).setParameter(3, gift.active())
                .setParameter(4, gift.position()).setParameter(5, by).setParameter(6, at).executeUpdate();
    }
}

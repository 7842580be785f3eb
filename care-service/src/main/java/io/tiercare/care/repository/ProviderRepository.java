package io.tiercare.care.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tiercare.care.domain.CareChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The webhook provider of each channel (delivery_provider). */
@ApplicationScoped
public class ProviderRepository {

    /** A channel's provider: where to post, the signing secret, how long to wait. */
    public record Provider(CareChannel channel, String url, String secret, int timeoutMs, String updatedBy,
            Instant updatedAt) {
    }

    private final EntityManager em;

    ProviderRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Provider> find(CareChannel channel) {
        return rows("where channel = ?1", channel.name()).stream().findFirst();
    }

    public List<Provider> all() {
        return rows("order by channel", null);
    }

    public void save(Provider provider) {
        em.createNativeQuery("""
                insert into delivery_provider (channel, url, secret, timeout_ms, updated_by, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (channel) do update set url = excluded.url, secret = excluded.secret,
                    timeout_ms = excluded.timeout_ms, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""")
                .setParameter(1, provider.channel().name()).setParameter(2, provider.url())
                .setParameter(3, provider.secret()).setParameter(4, provider.timeoutMs())
                .setParameter(5, provider.updatedBy()).setParameter(6, provider.updatedAt()).executeUpdate();
    }

    public boolean delete(CareChannel channel) {
        return em.createNativeQuery("delete from delivery_provider where channel = ?1")
                .setParameter(1, channel.name()).executeUpdate() > 0;
    }

    private List<Provider> rows(String where, String channel) {
        var query = em.createNativeQuery("select channel, url, secret, timeout_ms, updated_by, updated_at "
                + "from delivery_provider " + where);
        if (channel != null) {
            query.setParameter(1, channel);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Provider(CareChannel.valueOf((String) r[0]), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], (Instant) r[5])).toList();
    }
}

package io.tiercare.customer.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.tiercare.customer.domain.Consent;
import io.tiercare.customer.domain.ContactChannel;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, Long> {

    private static final Sort NEWEST_FIRST = Sort.descending("changedAt", "id");

    public Optional<Consent> current(UUID customerId, ContactChannel channel) {
        return find("customerId = ?1 and channel = ?2", NEWEST_FIRST, customerId, channel).firstResultOptional();
    }

    public List<Consent> history(UUID customerId) {
        return find("customerId", NEWEST_FIRST, customerId).list();
    }

    public int moveAll(UUID from, UUID to) {
        return update("customerId = ?1 where customerId = ?2", to, from);
    }
}

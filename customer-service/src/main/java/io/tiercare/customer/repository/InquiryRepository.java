package io.tiercare.customer.repository;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.customer.domain.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class InquiryRepository implements PanacheRepositoryBase<Inquiry, UUID> {

    public List<Inquiry> page(UUID customerId, PageRequest page) {
        return find("customerId", Sort.descending("occurredAt", "id"), customerId)
                .range(page.offset(), page.offset() + page.size() - 1).list();
    }

    public long countFor(UUID customerId) {
        return count("customerId", customerId);
    }

    public int moveAll(UUID from, UUID to) {
        return update("customerId = ?1 where customerId = ?2", to, from);
    }
}

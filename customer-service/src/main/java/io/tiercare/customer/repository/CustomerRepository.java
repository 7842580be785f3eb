package io.tiercare.customer.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.domain.CustomerStatus;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** Newest first, the id breaking ties so pages never overlap. */
    private static final Sort LISTING = Sort.descending("createdAt", "id");

    public Optional<Customer> findLiveByMobilePhone(String mobilePhone) {
        return find("mobilePhone = ?1 and status = ?2", mobilePhone, CustomerStatus.ACTIVE).firstResultOptional();
    }

    public Optional<Customer> findLiveByEmail(String email) {
        return find("email = ?1 and status = ?2", email, CustomerStatus.ACTIVE).firstResultOptional();
    }

    /**
     * The access columns of these customers (those that exist), read in one round trip, each row share-locked until
     * the transaction ends: a merge or erasure (which lock the row for update) cannot change it under the caller.
     */
    public Map<UUID, CustomerReference> references(Collection<UUID> ids) {
        Map<UUID, CustomerReference> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, status, merged_into, account_manager_id, erased_at
                    from customer where id = any (?) for key share""")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        OffsetDateTime erasedAt = rows.getObject(5, OffsetDateTime.class);
                        CustomerReference ref = new CustomerReference(rows.getObject(1, UUID.class),
                                CustomerStatus.valueOf(rows.getString(2)), rows.getObject(3, UUID.class),
                                rows.getString(4), erasedAt == null ? null : erasedAt.toInstant());
                        found.put(ref.id(), ref);
                    }
                }
            }
        });
        return found;
    }

    /** Which live customer holds each of these phones and emails (for bulk checks). */
    public Map<String, UUID> liveOwnersOf(List<String> phones, List<String> emails) {
        Map<String, UUID> owners = new HashMap<>();
        if (!phones.isEmpty()) {
            find("status = ?1 and mobilePhone in ?2", CustomerStatus.ACTIVE, phones).stream()
                    .forEach(c -> owners.put(c.profile().mobilePhone(), c.id()));
        }
        if (!emails.isEmpty()) {
            find("status = ?1 and email in ?2", CustomerStatus.ACTIVE, emails).stream()
                    .forEach(c -> owners.put(c.profile().email(), c.id()));
        }
        return owners;
    }

    public record SearchResult(List<Customer> items, long total) {
    }

    public SearchResult search(CustomerSearch search, String managerScope, PageRequest page) {
        Parameters params = new Parameters();
        PanacheQuery<Customer> query = find(where(search, managerScope, params), LISTING, params);
        long total = query.count();
        List<Customer> items = query.range(page.offset(), page.offset() + page.size() - 1).list();
        return new SearchResult(items, total);
    }

    /** The next {@code limit} matches after the given one in listing order (keyset paging, for exports). */
    public List<Customer> after(CustomerSearch search, String managerScope, Customer last, int limit) {
        Parameters params = new Parameters();
        String where = where(search, managerScope, params);
        if (last != null) {
            where += " and (createdAt < :afterAt or (createdAt = :afterAt and id < :afterId))";
            params.and("afterAt", last.createdAt()).and("afterId", last.id());
        }
        return find(where, LISTING, params).page(0, limit).list();
    }

    private static String where(CustomerSearch search, String managerScope, Parameters params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (search.status() != null) {
            where.append(" and status = :status");
            params.and("status", search.status());
        }
        if (search.namePrefix() != null) {
            where.append(" and name like :name escape '\\'");
            params.and("name", likePrefix(search.namePrefix()));
        }
        if (search.mobilePhone() != null) {
            where.append(" and mobilePhone = :phone");
            params.and("phone", search.mobilePhone());
        }
        if (search.email() != null) {
            where.append(" and email = :email");
            params.and("email", search.email());
        }
        if (search.type() != null) {
            where.append(" and type = :type");
            params.and("type", search.type());
        }
        if (search.province() != null) {
            where.append(" and province = :province");
            params.and("province", search.province());
        }
        if (search.city() != null) {
            where.append(" and city = :city");
            params.and("city", search.city());
        }
        if (search.tag() != null) {
            where.append(" and array_contains(tags, :tag)");
            params.and("tag", search.tag());
        }
        if (search.accountManagerId() != null) {
            where.append(" and accountManagerId = :manager");
            params.and("manager", search.accountManagerId());
        }
        if (managerScope != null) {
            where.append(" and accountManagerId = :scope");
            params.and("scope", managerScope);
        }
        if (search.createdFrom() != null) {
            where.append(" and createdAt >= :from");
            params.and("from", search.createdFrom());
        }
        if (search.createdTo() != null) {
            where.append(" and createdAt < :to");
            params.and("to", search.createdTo());
        }
        return where.toString();
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

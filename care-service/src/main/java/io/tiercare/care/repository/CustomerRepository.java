package io.tiercare.care.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiercare.care.domain.CarePlanner.Customer;
import io.tiercare.care.domain.ContactRules;
import io.tiercare.care.domain.ContactWindow;
import io.tiercare.chassis.job.KeyRange;
import io.tiercare.chassis.job.KeyRanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The customer projection: what care planning and contact rules need to know of each customer, from
 * {@code customer.events} and {@code tier.events}. Every write is an upsert (events may arrive before the customer's
 * registration) and ignores what is older than what it already holds.
 */
@ApplicationScoped
public class CustomerRepository {

    private static final TypeReference<List<ContactWindow>> WINDOWS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Boolean>> CONSENTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> TIERS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;

    CustomerRepository(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** Every customer care knows of, in id order, cut into ranges of at most {@code size} (for a bulk re-plan). */
    public List<KeyRange> ranges(int size) {
        return KeyRanges.cut(em, "select customer_id as key from care_customer", size);
    }

    /** The customers of the range, in id order. */
    public List<UUID> idsIn(KeyRange range) {
        return em.createNativeQuery("""
                select customer_id from care_customer where customer_id between ?1 and ?2 order by customer_id""",
                UUID.class).setParameter(1, range.first()).setParameter(2, range.last()).getResultList();
    }

    /**
     * Creates the customers' rows where missing and locks them, in id order (two transactions never wait on each
     * other in a cycle): one re-plan of a customer at a time.
     */
    public void lock(List<UUID> customerIds, Instant at) {
        UUID[] ids = customerIds.stream().sorted().toArray(UUID[]::new);
        em.createNativeQuery("""
                insert into care_customer (customer_id, updated_at) select id, ?2 from unnest(?1) as id
                where not exists (select 1 from care_customer c where c.customer_id = id)
                on conflict (customer_id) do nothing""").setParameter(1, ids).setParameter(2, at).executeUpdate();
        em.createNativeQuery("select 1 from care_customer where customer_id = any(?1) order by customer_id "
                + "for update").setParameter(1, ids).getResultList();
    }

    public void registered(UUID customerId, String accountManagerId, Instant at) {
        em.createNativeQuery("""
                insert into care_customer (customer_id, registered, account_manager_id, updated_at, manager_at)
                values (?1, true, ?2, ?3, ?3)
                on conflict (customer_id) do update set registered = true,
                    account_manager_id = case when care_customer.manager_at is null
                        or care_customer.manager_at <= excluded.manager_at then excluded.account_manager_id
                        else care_customer.account_manager_id end,
                    manager_at = greatest(care_customer.manager_at, excluded.manager_at),
                    updated_at = excluded.updated_at
                where care_customer.erased_at is null""")
                .setParameter(1, customerId).setParameter(2, accountManagerId).setParameter(3, at).executeUpdate();
    }

    /** Whether the assignment was applied (false: an assignment newer than this one is already in). */
    public boolean accountManager(UUID customerId, String accountManagerId, Instant at) {
        return em.createNativeQuery("""
                insert into care_customer (customer_id, account_manager_id, updated_at, manager_at)
                values (?1, ?2, ?3, ?3)
                on conflict (customer_id) do update set account_manager_id = excluded.account_manager_id,
                    manager_at = excluded.manager_at, updated_at = excluded.updated_at
                where (care_customer.manager_at is null or care_customer.manager_at <= excluded.manager_at)
                  and care_customer.erased_at is null""")
                .setParameter(1, customerId).setParameter(2, accountManagerId).setParameter(3, at)
                .executeUpdate() > 0;
    }

    /**
     * The birthday from the customer's latest personal-data snapshot (null: unknown, or forgotten by a tombstone);
     * an older snapshot than the one applied is ignored, and nothing is kept for an erased customer.
     */
    public void birthday(UUID customerId, LocalDate birthday, Instant at) {
        em.createNativeQuery("""
                insert into care_customer (customer_id, birthday, updated_at, personal_at) values (?1, ?2, ?3, ?3)
                on conflict (customer_id) do update set birthday = excluded.birthday,
                    personal_at = excluded.personal_at, updated_at = excluded.updated_at
                where (care_customer.personal_at is null or care_customer.personal_at <= excluded.personal_at)
                  and care_customer.erased_at is null""")
                .setParameter(1, customerId).setParameter(2, birthday).setParameter(3, at).executeUpdate();
    }

    /** Whether the preferences were applied. */
    public boolean preferences(UUID customerId, String preferredChannel, List<ContactWindow> windows,
            boolean doNotDisturb, Instant at) {
        return em.createNativeQuery("""
                insert into care_customer (customer_id, preferred_channel, contact_windows, do_not_disturb,
                    updated_at, profile_at)
                values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?5)
                on conflict (customer_id) do update set preferred_channel = excluded.preferred_channel,
                    contact_windows = excluded.contact_windows, do_not_disturb = excluded.do_not_disturb,
                    profile_at = excluded.profile_at, updated_at = excluded.updated_at
                where (care_customer.profile_at is null or care_customer.profile_at <= excluded.profile_at)
                  and care_customer.erased_at is null""")
                .setParameter(1, customerId).setParameter(2, preferredChannel).setParameter(3, json(windows))
                .setParameter(4, doNotDisturb).setParameter(5, at).executeUpdate() > 0;
    }

    public void consent(UUID customerId, String channel, boolean granted, Instant at) {
        em.createNativeQuery("""
                insert into care_customer (customer_id, consents, updated_at)
                values (?1, jsonb_build_object(?2, ?3), ?4)
                on conflict (customer_id) do update
                    set consents = care_customer.consents || jsonb_build_object(?2, ?3), updated_at = ?4
                where care_customer.erased_at is null""")
                .setParameter(1, customerId).setParameter(2, channel).setParameter(3, granted).setParameter(4, at)
                .executeUpdate();
    }

    public void merged(UUID merged, UUID survivor, Instant at) {
        em.createNativeQuery("""
                insert into care_customer (customer_id, merged_into, updated_at) values (?1, ?2, ?3)
                on conflict (customer_id) do update set merged_into = excluded.merged_into, updated_at = ?3""")
                .setParameter(1, merged).setParameter(2, survivor).setParameter(3, at).executeUpdate();
    }

    /** Erasure: the row keeps only its id and the fact; every preference, consent and the birthday go. */
    public void erased(UUID customerId, Instant at) {
        em.createNativeQuery("""
                insert into care_customer (customer_id, erased_at, updated_at) values (?1, ?2, ?2)
                on conflict (customer_id) do update set erased_at = excluded.erased_at, preferred_channel = null,
                    contact_windows = '[]', do_not_disturb = false, consents = '{}', birthday = null,
                    updated_at = excluded.updated_at""")
                .setParameter(1, customerId).setParameter(2, at).executeUpdate();
    }

    /** Erasure: which tiers the customer held goes too. */
    public void forgetTiers(UUID customerId) {
        em.createNativeQuery("delete from care_customer_tier where customer_id = ?1").setParameter(1, customerId)
                .executeUpdate();
    }

    /** Whether the tier was applied: false when the customer's tier in that scheme is newer than this one. */
    public boolean tier(UUID customerId, String scheme, String tier, Instant effectiveAt) {
        return tier(customerId, scheme, tier, Map.of(), effectiveAt);
    }

    /** As {@link #tier(UUID, String, String, Instant)}, keeping what the tier grants (its benefits). */
    public boolean tier(UUID customerId, String scheme, String tier, Map<String, Object> benefits,
            Instant effectiveAt) {
        return em.createNativeQuery("""
                insert into care_customer_tier (customer_id, scheme, tier, effective_at, benefits)
                select ?1, ?2, ?3, ?4, cast(?5 as jsonb) where not exists (
                    select 1 from care_customer where customer_id = ?1 and erased_at is not null)
                on conflict (customer_id, scheme) do update set tier = excluded.tier,
                    effective_at = excluded.effective_at, benefits = excluded.benefits
                where care_customer_tier.effective_at < excluded.effective_at""")
                .setParameter(1, customerId).setParameter(2, scheme).setParameter(3, tier)
                .setParameter(4, effectiveAt).setParameter(5, json(benefits == null ? Map.of() : benefits))
                .executeUpdate() > 0;
    }

    /** The customer as planning sees them; empty when we never heard of them. */
    public Optional<Customer> find(UUID customerId) {
        return findAll(List.of(customerId)).stream().findFirst();
    }

    /** Several customers at once (a bulk re-plan's chunk). */
    public List<Customer> findAll(List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.customer_id, c.registered and c.merged_into is null and c.erased_at is null,
                    c.account_manager_id, c.contact_windows::text,
                    coalesce((select jsonb_object_agg(t.scheme, t.tier)::text from care_customer_tier t
                              where t.customer_id = c.customer_id), '{}')
                from care_customer c where c.customer_id = any(?1)""")
                .setParameter(1, customerIds.toArray(UUID[]::new)).getResultList();
        return rows.stream().map(this::customer).toList();
    }

    private Customer customer(Object[] r) {
        Map<String, String> tiers = read((String) r[4], TIERS);
        List<ContactWindow> windows = read((String) r[3], WINDOWS);
        return new Customer((UUID) r[0], (Boolean) r[1], tiers, (String) r[2], windows);
    }

    /** What the customer allowed (consents, do-not-disturb, contact windows) and whether they are gone. */
    public Optional<ContactRules.Wishes> wishes(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select consents::text, do_not_disturb, contact_windows::text,
                    erased_at is not null or merged_into is not null
                from care_customer where customer_id = ?1""").setParameter(1, customerId).getResultList();
        return rows.stream().findFirst().map(r -> new ContactRules.Wishes(read((String) r[0], CONSENTS),
                (Boolean) r[1], read((String) r[2], WINDOWS), (Boolean) r[3]));
    }

    /** The channel the customer prefers (customer.preferences-changed), null when they named none or are unknown. */
    public String preferredChannel(UUID customerId) {
        return textOf("select preferred_channel from care_customer where customer_id = ?1", customerId);
    }

    /** The account manager of a customer (null when none, or unknown). */
    public String accountManager(UUID customerId) {
        return textOf("select account_manager_id from care_customer where customer_id = ?1", customerId);
    }

    private String textOf(String query, UUID customerId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery(query).setParameter(1, customerId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value == null ? List.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable projection column", e);
        }
    }
}

package io.tiercare.care.repository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tiercare.care.domain.CarePlan;
import io.tiercare.care.domain.CarePlan.Item;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Counts what a plan would change against the customers and tasks as they stand, without changing anything. */
@ApplicationScoped
public class SimulationRepository {

    /** One item's effect: tasks opened for its tier's customers without one, open tasks cancelled for the others. */
    public record ItemEffect(String itemCode, String change, int tasksCreated, int tasksCancelled) {
    }

    private final EntityManager em;

    SimulationRepository(EntityManager em) {
        this.em = em;
    }

    public List<ItemEffect> effects(CarePlan from, CarePlan to) {
        Map<String, Item> before = from.items().stream().collect(Collectors.toMap(Item::code, Function.identity()));
        Map<String, Item> after = to.items().stream().collect(Collectors.toMap(Item::code, Function.identity()));
        Set<String> codes = new LinkedHashSet<>(after.keySet());
        codes.addAll(before.keySet());
        List<ItemEffect> out = new ArrayList<>();
        for (String code : codes) {
            Item item = after.get(code);
            String change = item == null ? "REMOVED" : !before.containsKey(code) ? "ADDED"
                    : sameAudience(before.get(code), item) ? "KEPT" : "MOVED";
            int created = item == null ? 0 : count("""
                    select count(*) from care_customer c join care_customer_tier t
                      on t.customer_id = c.customer_id and t.scheme = ?2 and t.tier = ?3
                    where c.registered and c.merged_into is null and c.erased_at is null
                      and not exists (select 1 from care_schedule s where s.customer_id = c.customer_id
                                      and s.item_code = ?1)
                      and not exists (select 1 from care_task k where k.customer_id = c.customer_id
                                      and k.item_code = ?1 and k.status in ('SCHEDULED', 'IN_PROGRESS'))""",
                    code, item.scheme(), item.tier());
            int cancelled = item == null ? count("""
                    select count(*) from care_task where item_code = ?1 and status in ('SCHEDULED', 'IN_PROGRESS')""",
                    code) : count("""
                    select count(*) from care_task k
                    left join care_customer c on c.customer_id = k.customer_id
                    left join care_customer_tier t on t.customer_id = k.customer_id and t.scheme = ?2
                    where k.item_code = ?1 and k.status in ('SCHEDULED', 'IN_PROGRESS')
                      and (t.tier is distinct from ?3 or not coalesce(c.registered, false)
                           or c.merged_into is not null or c.erased_at is not null)""",
                    code, item.scheme(), item.tier());
            if (created > 0 || cancelled > 0 || !"KEPT".equals(change)) {
                out.add(new ItemEffect(code, change, created, cancelled));
            }
        }
        return out;
    }

    private static boolean sameAudience(Item a, Item b) {
        return a.scheme().equals(b.scheme()) && a.tier().equals(b.tier());
    }

    private int count(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).intValue();
    }
}

package io.tiercare.care.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tiercare.care.domain.CareChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Greetings placed for many customers in one statement each: whose birthday it is, or everyone on a festival. Each
 * customer gets the template of the channel they can be reached on (their preferred channel where they consented to
 * it, else the first channel they consented to, else the preferred or first one, which the contact rules will then
 * suppress with the reason); a customer greeted for the occasion before is skipped.
 */
@ApplicationScoped
public class GreetingRepository {

    /** A festival on one day. */
    public record Festival(String code, LocalDate day, String name, String offer) {
    }

    private static final List<CareChannel> ORDER = List.of(CareChannel.EMAIL, CareChannel.SMS, CareChannel.WECHAT);

    private final EntityManager em;

    GreetingRepository(EntityManager em) {
        this.em = em;
    }

    /** The festivals on a day. */
    public List<Festival> festivalsOn(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select code, day, name, offer from festival_day where day = ?1 order by code")
                .setParameter(1, day).getResultList();
        return rows.stream().map(r -> new Festival((String) r[0], (LocalDate) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    /** The festivals of a year, by date. */
    public List<Festival> festivalsOf(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, day, name, offer from festival_day "
                + "where day >= make_date(?1, 1, 1) and day < make_date(?1 + 1, 1, 1) order by day, code")
                .setParameter(1, year).getResultList();
        return rows.stream().map(r -> new Festival((String) r[0], (LocalDate) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    /** Sets a festival's day in its year, replacing the day it had that year. */
    public void saveFestival(Festival festival, String by, Instant at) {
        em.createNativeQuery("delete from festival_day where code = ?1 and extract(year from day) = ?2")
                .setParameter(1, festival.code()).setParameter(2, festival.day().getYear()).executeUpdate();
        em.createNativeQuery("insert into festival_day (code, day, name, offer, updated_by, updated_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, festival.code()).setParameter(2, festival.day())
                .setParameter(3, festival.name()).setParameter(4, festival.offer()).setParameter(5, by)
                .setParameter(6, at).executeUpdate();
    }

    /**
     * Places a greeting for every active customer whose birthday falls on one of {@code monthDays} (month × 100 +
     * day), with the template per channel given, carrying {@code offerText} where the customer's tier in
     * {@code offerScheme} grants a birthday offer ({@code birthdayOffer} among its benefits); how many were placed.
     */
    public int placeBirthdays(List<Integer> monthDays, String occasion, Map<CareChannel, String> templates,
            String offerScheme, String offerText, Instant now) {
        return place("left join care_customer_tier b on b.customer_id = c.customer_id and b.scheme = :offerScheme",
                "case when b.benefits ->> 'birthdayOffer' = 'true' then jsonb_build_object('offer', "
                        + "cast(:offerText as text)) else '{}'::jsonb end",
                "c.birthday is not null and extract(month from c.birthday) * 100 + extract(day from c.birthday)"
                        + " = any(:monthDays)",
                Map.of("offerScheme", offerScheme, "offerText", offerText, "monthDays",
                        monthDays.toArray(Integer[]::new)), occasion, "BIRTHDAY", templates, now);
    }

    /** Places a greeting with the same values for every active customer; how many were placed now. */
    public int placeForEveryone(String occasion, String kind, String valuesJson, Map<CareChannel, String> templates,
            Instant now) {
        return place("", "cast(:values as jsonb)", "true", Map.of("values", valuesJson), occasion, kind, templates,
                now);
    }

    private int place(String join, String valuesSql, String condition, Map<String, Object> parameters,
            String occasion, String kind, Map<CareChannel, String> templates, Instant now) {
        if (templates.isEmpty()) {
            return 0;
        }
        String sql = """
                insert into care_message (id, customer_id, occasion, kind, channel, template_code, placeholder_values,
                    status, send_after, placed_by, created_at, updated_at)
                select gen_random_uuid(), customer_id, :occasion, :kind, channel, %s, placeholder_values,
                    'PENDING', :now, 'greetings', :now, :now
                from (select c.customer_id, %s as channel, %s as placeholder_values
                      from care_customer c join care_contact_point p on p.customer_id = c.customer_id %s
                      where c.registered and c.erased_at is null and c.merged_into is null and %s) chosen
                on conflict on constraint care_message_once do nothing"""
                .formatted(templateOf(templates), channelOf(templates), valuesSql, join, condition);
        var query = em.createNativeQuery(sql).setParameter("occasion", occasion).setParameter("kind", kind)
                .setParameter("now", now);
        parameters.forEach(query::setParameter);
        return query.executeUpdate();
    }

    /** The channel in SQL: preferred and consented, first consented, preferred, first (of those with a template). */
    static String channelOf(Map<CareChannel, String> templates) {
        List<String> channels = ORDER.stream().filter(templates::containsKey).map(Enum::name).toList();
        String list = channels.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("case when c.preferred_channel in (" + list
                + ") and c.consents ->> c.preferred_channel = 'true' then c.preferred_channel");
        for (String channel : channels) {
            sql.append(" when c.consents ->> '").append(channel).append("' = 'true' then '").append(channel)
                    .append("'");
        }
        sql.append(" when c.preferred_channel in (").append(list).append(") then c.preferred_channel else '")
                .append(channels.get(0)).append("' end");
        return sql.toString();
    }

    private static String templateOf(Map<CareChannel, String> templates) {
        StringBuilder sql = new StringBuilder("case channel");
        templates.forEach((channel, code) -> sql.append(" when '").append(channel.name()).append("' then '")
                .append(code).append("'"));
        return sql.append(" end").toString();
    }
}

package io.tiercare.customer.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** The SQL behind duplicate detection and the data-quality report; everything runs over live records. */
@ApplicationScoped
public class DataQualityRepository {

    /** Mainland mobiles as stored, or E.164 elsewhere. */
    static final String VALID_PHONE = "'^(\\+861[3-9][0-9]{9}|\\+(?!86)[1-9][0-9]{6,14})$'";
    static final String VALID_EMAIL = "'^[^@[:space:]]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$'";

    /** Fields whose completeness the report measures, with the column behind each. */
    public static final Map<String, String> FIELDS = fields();

    private final EntityManager em;

    DataQualityRepository(EntityManager em) {
        this.em = em;
    }

    public record Filter(String tag, String sourceChannel) {

        String where() {
            return " where status = 'ACTIVE'" + (tag == null ? "" : " and tags @> array[cast(:tag as varchar)]")
                    + (sourceChannel == null ? "" : " and source_channel = :source");
        }

        Query bind(Query query) {
            if (tag != null) {
                query.setParameter("tag", tag);
            }
            if (sourceChannel != null) {
                query.setParameter("source", sourceChannel);
            }
            return query;
        }
    }

    public record SuspectGroup(String reason, List<UUID> customerIds) {
    }

    /** Live records sharing a normalised phone, an email, or a name and birthday. */
    @SuppressWarnings("unchecked")
    public List<SuspectGroup> suspects(Filter filter, int limit) {
        String where = filter.where();
        String sql = "select reason, ids from ("
                + " select 'SAME_MOBILE_PHONE' as reason, array_agg(id order by created_at, id) as ids, min(created_at) as first"
                + " from customer" + where + " and mobile_phone is not null group by mobile_phone having count(*) > 1"
                + " union all select 'SAME_EMAIL', array_agg(id order by created_at, id), min(created_at)"
                + " from customer" + where + " and email is not null group by lower(email) having count(*) > 1"
                + " union all select 'SAME_NAME_AND_BIRTHDAY', array_agg(id order by created_at, id), min(created_at)"
                + " from customer" + where + " and birthday is not null group by name, birthday having count(*) > 1"
                + ") groups order by first, reason limit " + limit;
        List<Object[]> rows = filter.bind(em.createNativeQuery(sql)).getResultList();
        List<SuspectGroup> groups = new ArrayList<>();
        for (Object[] row : rows) {
            groups.add(new SuspectGroup((String) row[0], Arrays.asList((UUID[]) row[1])));
        }
        return groups;
    }

    public record Counts(long total, Map<String, Long> filled, long invalidPhone, long invalidEmail,
            long invalidBirthday, long suspectGroups, long recordsInSuspectGroups, long recordsWithIssues) {
    }

    /** One pass over the live records; suspects are a set joined in, never a list sent back and forth. */
    public Counts counts(Filter filter, java.time.LocalDate today) {
        String where = filter.where();
        StringBuilder sql = new StringBuilder("with live as (select * from customer").append(where).append("),")
                .append(" groups as (")
                .append(" select array_agg(id) as ids from live where mobile_phone is not null")
                .append("   group by mobile_phone having count(*) > 1")
                .append(" union all select array_agg(id) from live where email is not null")
                .append("   group by lower(email) having count(*) > 1")
                .append(" union all select array_agg(id) from live where birthday is not null")
                .append("   group by name, birthday having count(*) > 1),")
                .append(" suspects as (select distinct unnest(ids) as id from groups)")
                .append(" select count(*)");
        FIELDS.values().forEach(column -> sql.append(", count(").append(column).append(")"));
        sql.append(", count(*) filter (where mobile_phone is not null and mobile_phone !~ ").append(VALID_PHONE)
                .append(")")
                .append(", count(*) filter (where email is not null and email !~* ").append(VALID_EMAIL).append(")")
                .append(", count(*) filter (where birthday > :today or birthday < date '1900-01-01')")
                .append(", (select count(*) from groups), (select count(*) from suspects)")
                .append(", count(*) filter (where ").append(invalid()).append(" or s.id is not null)")
                .append(" from live left join suspects s on s.id = live.id");
        Object[] row = (Object[]) filter.bind(em.createNativeQuery(sql.toString()))
                .setParameter("today", today).getSingleResult();
        Map<String, Long> filled = new LinkedHashMap<>();
        int i = 1;
        for (String field : FIELDS.keySet()) {
            filled.put(field, ((Number) row[i++]).longValue());
        }
        return new Counts(((Number) row[0]).longValue(), filled, ((Number) row[i]).longValue(),
                ((Number) row[i + 1]).longValue(), ((Number) row[i + 2]).longValue(),
                ((Number) row[i + 3]).longValue(), ((Number) row[i + 4]).longValue(),
                ((Number) row[i + 5]).longValue());
    }

    private static String invalid() {
        return "(mobile_phone is not null and mobile_phone !~ " + VALID_PHONE + ")"
                + " or (email is not null and email !~* " + VALID_EMAIL + ")"
                + " or birthday > :today or birthday < date '1900-01-01'"
                + " or (mobile_phone is null and email is null) or btrim(name) = ''";
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "nullif(btrim(name), '')");
        fields.put("gender", "gender");
        fields.put("birthday", "birthday");
        fields.put("mobilePhone", "mobile_phone");
        fields.put("email", "email");
        fields.put("province", "province");
        fields.put("city", "city");
        fields.put("address", "address");
        fields.put("sourceChannel", "source_channel");
        fields.put("accountManagerId", "account_manager_id");
        return java.util.Collections.unmodifiableMap(fields);
    }
}

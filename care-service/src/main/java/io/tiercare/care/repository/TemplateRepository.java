package io.tiercare.care.repository;

import java.time.Instant;
import java.util.List;

import io.tiercare.care.domain.CareChannel;
import io.tiercare.care.domain.MessageTemplate;
import io.tiercare.care.domain.OutreachKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The versions of every message template. */
@ApplicationScoped
public class TemplateRepository {

    /** A stored version. */
    public record TemplateRow(MessageTemplate template, int version, String author, String note, Instant createdAt) {
    }

    private static final String COLUMNS = "code, version, kind, channel, subject, body, sms_sign_name, "
            + "sms_template_code, author, note, created_at";

    private final EntityManager em;

    TemplateRepository(EntityManager em) {
        this.em = em;
    }

    /** The newest version of every template, by code. */
    public List<TemplateRow> current() {
        return rows("select distinct on (code) " + COLUMNS + " from message_template order by code, version desc",
                null);
    }

    /** The newest version of one template, or null. */
    public TemplateRow current(String code) {
        return rows("select " + COLUMNS + " from message_template where code = ?1 order by version desc limit 1",
                code).stream().findFirst().orElse(null);
    }

    /** Every version of a template, newest first. */
    public List<TemplateRow> versions(String code) {
        return rows("select " + COLUMNS + " from message_template where code = ?1 order by version desc", code);
    }

    /** Stores the next version; the lock makes concurrent changes of one template queue instead of colliding. */
    public TemplateRow add(MessageTemplate template, String author, String note, Instant at) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('message_template:' || ?1))")
                .setParameter(1, template.code()).getSingleResult();
        int next = ((Number) em.createNativeQuery(
                "select coalesce(max(version), 0) + 1 from message_template where code = ?1")
                .setParameter(1, template.code()).getSingleResult()).intValue();
        em.createNativeQuery("insert into message_template (" + COLUMNS
                + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, template.code()).setParameter(2, next).setParameter(3, template.kind().name())
                .setParameter(4, template.channel().name()).setParameter(5, template.subject())
                .setParameter(6, template.body()).setParameter(7, template.smsSignName())
                .setParameter(8, template.smsTemplateCode()).setParameter(9, author).setParameter(10, note)
                .setParameter(11, at).executeUpdate();
        return new TemplateRow(template, next, author, note, at);
    }

    private List<TemplateRow> rows(String sql, String code) {
        var query = em.createNativeQuery(sql);
        if (code != null) {
            query.setParameter(1, code);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new TemplateRow(new MessageTemplate((String) r[0],
                OutreachKind.valueOf((String) r[2]), CareChannel.valueOf((String) r[3]), (String) r[4],
                (String) r[5], (String) r[6], (String) r[7]), ((Number) r[1]).intValue(), (String) r[8],
                (String) r[9], (Instant) r[10])).toList();
    }
}

package io.tiercare.chassis.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.agroal.api.AgroalDataSource;

import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional
public class ProbeService {

    public static final String TOPIC = "probe.events";
    public static final String NOTED = "tiercare.probe.noted.v1";

    private final EntityManager em;
    private final Outbox outbox;
    private final AgroalDataSource dataSource;

    ProbeService(EntityManager em, Outbox outbox, AgroalDataSource dataSource) {
        this.em = em;
        this.outbox = outbox;
        this.dataSource = dataSource;
    }

    public record Noted(UUID noteId, String text, int count) {
    }

    /** A compacted topic: the latest snapshot per subject, forgotten by a tombstone. */
    public static final String SNAPSHOTS = "probe.snapshots";
    public static final String SNAPSHOT = "tiercare.probe.snapshot.v1";
    public static final String FORGOTTEN = "tiercare.probe.forgotten.v1";

    public record Snapshot(String subject, String text) {
    }

    public void snapshot(String subject, String text) {
        outbox.append(new OutboxEvent(SNAPSHOTS, SNAPSHOT, subject, new Snapshot(subject, text)));
    }

    public void forget(String subject) {
        outbox.append(OutboxEvent.tombstone(SNAPSHOTS, FORGOTTEN, subject));
    }

    public UUID note(String text, int count) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into probe_note (id, text, count) values (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, text).setParameter(3, count).executeUpdate();
        outbox.append(new OutboxEvent(TOPIC, NOTED, id.toString(), new Noted(id, text, count)));
        return id;
    }

    /** Several notes of one subject in one transaction, their events appended together in this order. */
    public void noteAll(String subject, java.util.List<String> texts) {
        outbox.appendAll(texts.stream().map(text -> new OutboxEvent(TOPIC, NOTED, subject,
                new Noted(UUID.randomUUID(), text, texts.indexOf(text)))).toList());
    }

    /**
     * Notes with the given ids and their events in one statement, in autocommit mode: an id noted before is skipped,
     * and its event with it. Returns the ids it inserted.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Set<UUID> noteInOneStatement(String subject, List<UUID> ids, List<String> texts) throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        with input as (
                            select * from unnest(?::uuid[], ?::text[]) with ordinality as n(id, text, position)
                        ), inserted as (
                            insert into probe_note (id, text, count) select id, text, 1 from input
                            on conflict (id) do nothing returning id
                        ), appended as (
                        """ + Outbox.appendSelected("e.position in (select n.position from input n join inserted using (id))")
                        + """
                        )
                        select id from inserted""")) {
            insert.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            insert.setArray(2, connection.createArrayOf("text", texts.toArray()));
            outbox.bindAll(insert, 3, IntStream.range(0, ids.size()).mapToObj(i -> new OutboxEvent(TOPIC, NOTED,
                    subject, new Noted(ids.get(i), texts.get(i), i))).toList());
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        }
        outbox.appended();
        return inserted;
    }

    /** Writes the note and its event, then fails: the transaction must leave nothing behind. */
    public UUID noteThenFail(String text) {
        note(text, 1);
        throw new IllegalStateException("failing after the outbox append");
    }

    public void recordEffect(String eventId, String note) {
        em.createNativeQuery("insert into probe_effect (event_id, note) values (?1, ?2)")
                .setParameter(1, eventId).setParameter(2, note).executeUpdate();
    }

    public long effects(String note) {
        return ((Number) em.createNativeQuery("select count(*) from probe_effect where note = ?1")
                .setParameter(1, note).getSingleResult()).longValue();
    }

    public long outboxRows(String textInPayload) {
        return ((Number) em.createNativeQuery("select count(*) from outbox_event where payload ->> 'text' = ?1")
                .setParameter(1, textInPayload).getSingleResult()).longValue();
    }

    public String firstDayOf(int year) {
        return String.valueOf(em.createNativeQuery("select make_date(?1, 1, 1)::text").setParameter(1, year)
                .getSingleResult());
    }

    public long notes(String text) {
        return ((Number) em.createNativeQuery("select count(*) from probe_note where text = ?1")
                .setParameter(1, text).getSingleResult()).longValue();
    }
}

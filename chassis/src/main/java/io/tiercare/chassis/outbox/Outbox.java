package io.tiercare.chassis.outbox;

import java.time.Clock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiercare.chassis.id.TimeOrderedUuid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Appends events inside the caller's transaction: the event exists if and only if the state change it describes
 * was committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final OutboxConfig config;
    private final Event<OutboxAppended> appended;

    Outbox(EntityManager em, ObjectMapper mapper, Clock clock, OutboxConfig config, Event<OutboxAppended> appended) {
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
        this.config = config;
        this.appended = appended;
    }

    private static final String INSERT = """
            insert into outbox_event (id, topic, type, source, subject, dataschema, occurred_at, payload,
                                      traceparent, tracestate, correlation_id)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as json), ?, ?, ?)""";

    /** Appends the event to the current transaction (there must be one) and returns its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(OutboxEvent event) {
        UUID id = TimeOrderedUuid.next();
        Timestamp now = Timestamp.from(clock.instant());
        // plain JDBC on the transaction's connection: a prepared statement the driver reuses, no query parsing
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bind(insert, id, event, now);
                insert.executeUpdate();
            }
            repeatTombstones(connection, List.of(event));
        });
        appended.fire(new OutboxAppended());
        return id;
    }

    private static final String INSERT_ALL = appendSelected("true");

    /**
     * Appends many events in one statement, in the order given (their publication order); same guarantees as
     * {@link #append}. For group commits and bulk work such as imports.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
                bindAll(insert, 1, events);
                insert.executeUpdate();
            }
            repeatTombstones(connection, events);
        });
        appended.fire(new OutboxAppended());
    }

    /**
     * The insert that appends the events bound by {@link #bindAll}, for a writer that puts its own rows and their
     * events into one statement (a data-modifying {@code WITH}, atomic even outside a transaction): {@code where},
     * SQL over each event's 1-based {@code e.position} in the bound list, keeps the events whose rows were written.
     * The statement must be followed by {@link #appended()} once it has committed.
     */
    public static String appendSelected(String where) {
        return """
                insert into outbox_event (id, topic, type, source, subject, dataschema, occurred_at, payload,
                                          traceparent, tracestate, correlation_id)
                select e.id, e.topic, e.type, ?, e.subject, e.dataschema, ?, cast(e.payload as json),
                       e.traceparent, e.tracestate, e.correlation_id
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[])
                    with ordinality as e(id, topic, type, subject, dataschema, payload, traceparent, tracestate,
                                         correlation_id, position)
                where %s
                order by e.position""".formatted(where);
    }

    /**
     * Binds {@code events} to the eleven parameters of {@link #appendSelected} starting at {@code index}; returns the
     * index after them. A tombstone among them is published but not appended again: tombstones go through
     * {@link #append} or {@link #appendAll}.
     */
    public int bindAll(PreparedStatement insert, int index, List<OutboxEvent> events) throws SQLException {
        int size = events.size();
        Object[] ids = new Object[size];
        Object[] topics = new Object[size];
        Object[] types = new Object[size];
        Object[] subjects = new Object[size];
        Object[] schemas = new Object[size];
        Object[] payloads = new Object[size];
        Object[] traceparents = new Object[size];
        Object[] tracestates = new Object[size];
        Object[] correlationIds = new Object[size];
        for (int i = 0; i < size; i++) {
            OutboxEvent event = events.get(i);
            ids[i] = TimeOrderedUuid.next();
            topics[i] = event.topic();
            types[i] = event.type();
            subjects[i] = event.subject();
            schemas[i] = dataschema(event.type());
            payloads[i] = json(event.data());
            traceparents[i] = event.origin().traceparent();
            tracestates[i] = event.origin().tracestate();
            correlationIds[i] = event.origin().correlationId();
        }
        Connection connection = insert.getConnection();
        insert.setString(index, config.source());
        insert.setTimestamp(index + 1, Timestamp.from(clock.instant()));
        insert.setArray(index + 2, connection.createArrayOf("uuid", ids));
        insert.setArray(index + 3, connection.createArrayOf("text", topics));
        insert.setArray(index + 4, connection.createArrayOf("text", types));
        insert.setArray(index + 5, connection.createArrayOf("text", subjects));
        insert.setArray(index + 6, connection.createArrayOf("text", schemas));
        insert.setArray(index + 7, connection.createArrayOf("text", payloads));
        insert.setArray(index + 8, connection.createArrayOf("text", traceparents));
        insert.setArray(index + 9, connection.createArrayOf("text", tracestates));
        insert.setArray(index + 10, connection.createArrayOf("text", correlationIds));
        return index + 11;
    }

    /** As {@link #appendAll}, without scheduling tombstones again: for {@link TombstoneRepeat}'s second ones. */
    void appendSelf(List<OutboxEvent> events) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
                bindAll(insert, 1, events);
                insert.executeUpdate();
            }
        });
        appended.fire(new OutboxAppended());
    }

    private static final String REPEAT = """
            insert into outbox_tombstone_repeat (topic, subject, type, due_at)
            values (?, ?, ?, now() + cast(? as interval))
            on conflict (topic, subject) do update set type = excluded.type, due_at = excluded.due_at""";

    /** Schedules the second appending of each tombstone among {@code events} ({@link TombstoneRepeat}). */
    private void repeatTombstones(Connection connection, List<OutboxEvent> events) throws SQLException {
        if (events.stream().noneMatch(OutboxEvent::isTombstone)) {
            return;
        }
        try (PreparedStatement repeat = connection.prepareStatement(REPEAT)) {
            for (OutboxEvent event : events) {
                if (event.isTombstone()) {
                    repeat.setString(1, event.topic());
                    repeat.setString(2, event.subject());
                    repeat.setString(3, event.type());
                    repeat.setString(4, config.tombstoneRepeatAfter().toMillis() + " milliseconds");
                    repeat.addBatch();
                }
            }
            repeat.executeBatch();
        }
    }

    /** Tells the relay that a statement of the caller's own appended events and has committed. */
    public void appended() {
        appended.fire(new OutboxAppended());
    }

    private void bind(PreparedStatement insert, UUID id, OutboxEvent event, Timestamp now) throws SQLException {
        insert.setObject(1, id);
        insert.setString(2, event.topic());
        insert.setString(3, event.type());
        insert.setString(4, config.source());
        insert.setString(5, event.subject());
        insert.setString(6, dataschema(event.type()));
        insert.setTimestamp(7, now);
        insert.setString(8, json(event.data()));
        insert.setString(9, event.origin().traceparent());
        insert.setString(10, event.origin().tracestate());
        insert.setString(11, event.origin().correlationId());
    }

    /** Where the event's JSON Schema is described: one URN per versioned type. */
    public static String dataschema(String type) {
        return "urn:tiercare:schema:" + type;
    }

    private String json(Object data) {
        if (data == null) {
            return null; // a tombstone
        }
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON: " + data.getClass(), e);
        }
    }
}

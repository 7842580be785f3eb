package io.tiercare.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/**
 * What a service has published through its outbox. The relay deletes rows once Kafka has acknowledged them, so an
 * empty outbox means every event committed so far is on its topic: tests wait for that, then read the topic.
 */
public final class TestOutbox {

    private TestOutbox() {
    }

    /** Waits until the relay has published everything committed so far, then returns the whole topic. */
    public static List<ConsumerRecord<String, String>> published(DataSource dataSource, String topic) {
        awaitDrained(dataSource);
        return TestKafka.readAll(topic);
    }

    /** The events of one type on the topic (after draining), in publication order per partition. */
    public static List<ConsumerRecord<String, String>> published(DataSource dataSource, String topic, String type) {
        return published(dataSource, topic).stream().filter(r -> type.equals(TestKafka.header(r, "ce_type")))
                .toList();
    }

    public static void awaitDrained(DataSource dataSource) {
        Awaitility.await("outbox drained").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> query(dataSource, "select count(*) from outbox_event") == 0);
    }

    /**
     * How many events were ever appended (the publication sequence's position): unchanged across a call means the
     * call appended nothing, whether or not the relay has published in between.
     */
    public static long appended(DataSource dataSource) {
        return query(dataSource,
                "select coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox_event', 'seq')), 0)");
    }

    /** The first column of the first row of a query returning a number. */
    public static long query(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.tiercare.chassis.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.chassis.inbox.InboxPurge;
import jakarta.inject.Inject;

@QuarkusTest
class InboxPurgeTest {

    @Inject
    InboxPurge purge;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Test
    void shouldForgetClaimsOlderThanTheRetentionPeriodInBatchesAndKeepTheRest() throws SQLException {
        String consumer = "purge-" + UUID.randomUUID();
        Instant now = clock.instant();
        // 12 001 claims past the 30-day retention: more than two batches of 5 000
        insert(consumer, 12_001, now.minus(Duration.ofDays(31)));
        insert(consumer, 3, now.minus(Duration.ofDays(29)));

        assertThat(purge.purge()).isGreaterThanOrEqualTo(12_001);

        assertThat(count(consumer, now.minus(Duration.ofDays(30)))).as("claims past the retention").isZero();
        assertThat(count(consumer, now)).as("claims within the retention").isEqualTo(3);
    }

    private void insert(String consumer, int claims, Instant receivedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into inbox_message (consumer, event_id, received_at)
                        select ?, gen_random_uuid()::text, ? from generate_series(1, ?)""")) {
            insert.setString(1, consumer);
            insert.setTimestamp(2, Timestamp.from(receivedAt));
            insert.setInt(3, claims);
            insert.executeUpdate();
        }
    }

    private long count(String consumer, Instant before) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from inbox_message where consumer = ? and received_at < ?")) {
            count.setString(1, consumer);
            count.setTimestamp(2, Timestamp.from(before));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

package io.tiercare.chassis.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class EventBatchesTest {

    @Test
    void deadlocksAndSerializationFailuresAreWorthAnotherAttempt() {
        assertThat(EventBatches.isTransient(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(EventBatches.isTransient(wrapped(new SQLException("could not serialize", "40001")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(EventBatches.isTransient(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(EventBatches.isTransient(wrapped(new SQLException("no state")))).isFalse();
        assertThat(EventBatches.isTransient(new IllegalStateException("exploded"))).isFalse();
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("JDBC exception executing SQL", new RuntimeException(cause));
    }
}

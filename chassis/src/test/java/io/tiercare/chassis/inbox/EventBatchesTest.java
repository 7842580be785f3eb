package io.tiercare.chassis.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

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

    @Test
    void recordsAreTakenInKeyOrderEachKeysRecordsInTheirOwnOrder() {
        record Rec(String key, int offset) {
        }
        List<Rec> polled = List.of(new Rec("c0a8", 1), new Rec("0f1e", 2), new Rec(null, 3), new Rec("c0a8", 4),
                new Rec("0f1e", 5), new Rec("9b2d", 6), new Rec("c0a8", 7));

        assertThat(EventBatches.inKeyOrder(polled, Rec::key)).extracting(Rec::offset)
                .containsExactly(3, 2, 5, 6, 1, 4, 7);
        assertThat(polled).extracting(Rec::offset).as("the poll itself is left as it was")
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void canonicalUuidStringsSortAsPostgresqlSortsUuids() {
        // PostgreSQL compares UUIDs byte by byte, unsigned; Java's UUID.compareTo compares signed longs
        List<String> keys = List.of("f0000000-0000-4000-8000-000000000000", "10000000-0000-4000-8000-000000000000",
                "a0000000-0000-4000-8000-000000000000", "0a000000-0000-4000-8000-000000000000");

        assertThat(EventBatches.inKeyOrder(keys, k -> k)).containsExactly("0a000000-0000-4000-8000-000000000000",
                "10000000-0000-4000-8000-000000000000", "a0000000-0000-4000-8000-000000000000",
                "f0000000-0000-4000-8000-000000000000");
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("JDBC exception executing SQL", new RuntimeException(cause));
    }
}

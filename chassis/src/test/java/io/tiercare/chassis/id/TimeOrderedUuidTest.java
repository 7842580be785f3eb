package io.tiercare.chassis.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedUuidTest {

    @Test
    void shouldCarryVersionSevenTheRfcVariantAndTheMillisecond() {
        Instant at = Instant.parse("2026-11-22T08:30:15.123Z");
        UUID id = TimeOrderedUuid.at(at.toEpochMilli());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(TimeOrderedUuid.time(id)).isEqualTo(at);
        assertThat(id.toString()).startsWith("01a20260-9a53-7");
    }

    @Test
    void shouldSortByCreationTimeAsPostgresqlComparesUuids() {
        long now = System.currentTimeMillis();
        UUID earlier = TimeOrderedUuid.at(now);
        UUID later = TimeOrderedUuid.at(now + 1);
        // PostgreSQL orders uuid by its bytes, unsigned; so does this comparison of the canonical text
        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(TimeOrderedUuid.time(TimeOrderedUuid.next())).isBetween(Instant.ofEpochMilli(now),
                Instant.now());
    }

    @Test
    void shouldNotRepeatWithinOneMillisecond() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(TimeOrderedUuid.at(1_700_000_000_000L));
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void shouldRefuseToDateAnotherVersion() {
        assertThatThrownBy(() -> TimeOrderedUuid.time(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a version 7 UUID");
    }
}

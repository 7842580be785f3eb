package io.tiercare.chassis.job;

import java.util.UUID;

/** A chunk's keys: a contiguous range of ids, inclusive at both ends, holding {@code keys} keys when it was cut. */
public record KeyRange(UUID first, UUID last, int keys) {
}

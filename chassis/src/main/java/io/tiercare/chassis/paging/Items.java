package io.tiercare.chassis.paging;

import java.util.List;

/**
 * The envelope of a collection small enough to be answered whole — a taxonomy, a timeline, a policy's versions:
 * {@code {"items": […]}}, never a bare array, so that a field can be added beside the items later (as {@link Page}
 * has its paging fields) without breaking a client.
 */
public record Items<T>(List<T> items) {

    public static <T> Items<T> of(List<T> items) {
        return new Items<>(List.copyOf(items));
    }
}

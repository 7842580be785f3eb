package io.tiercare.chassis.paging;

import java.util.List;
import java.util.function.Function;

/** The list envelope every collection endpoint returns (never a bare array). */
public record Page<T>(List<T> items, int page, int size, long totalItems, boolean hasNext) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems,
                (long) request.offset() + items.size() < totalItems);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, hasNext);
    }
}

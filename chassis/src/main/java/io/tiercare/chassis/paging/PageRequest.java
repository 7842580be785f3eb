package io.tiercare.chassis.paging;

import io.tiercare.chassis.problem.InvalidInputException;

/**
 * A zero-based page of a list. The size is capped so no client can ask for the whole table; callers sort with a
 * unique tiebreaker (usually the id) so pages never overlap or skip.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidInputException("page", "is beyond any list (page × size must stay below 2^31)");
        }
    }

    /** From optional query parameters: {@code ?page=&size=}. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return Math.multiplyExact(page, size);
    }
}

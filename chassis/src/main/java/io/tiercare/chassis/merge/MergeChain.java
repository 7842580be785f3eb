package io.tiercare.chassis.merge;

import java.util.UUID;
import java.util.function.Function;

/**
 * How every service follows a merged customer to the survivor: hop by hop along "merged into", at most
 * {@link #MAX_HOPS} hops; a longer chain is a cycle or corrupt data, and fails loudly rather than loop or stop short.
 */
public final class MergeChain {

    /** More merges in a row than any real record has. */
    public static final int MAX_HOPS = 16;

    private MergeChain() {
    }

    /**
     * The record the chain from {@code start} ends at: while {@code mergedInto} names a survivor, {@code load} it
     * (null: unknown, where the chain ends too). {@code id} names the start in the error.
     */
    public static <T> T follow(UUID id, T start, Function<T, UUID> mergedInto, Function<UUID, T> load) {
        T current = start;
        for (int hops = 0; current != null; hops++) {
            UUID survivor = mergedInto.apply(current);
            if (survivor == null) {
                return current;
            }
            if (hops == MAX_HOPS) {
                throw tooLong(id);
            }
            current = load.apply(survivor);
        }
        return null;
    }

    /** The failure of a chain longer than {@link #MAX_HOPS} from {@code id}. */
    public static IllegalStateException tooLong(Object id) {
        return new IllegalStateException("merge chain of " + id + " longer than " + MAX_HOPS + " hops");
    }
}

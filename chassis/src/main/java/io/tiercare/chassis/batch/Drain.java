package io.tiercare.chassis.batch;

import java.util.function.IntSupplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Works through a backlog a batch at a time, each batch in a transaction of its own (so a big backlog never holds
 * one long transaction, and what is done stays done): runs {@code batch} until it handles fewer than {@code size}
 * items. For scheduled sweeps that claim due rows {@code FOR UPDATE SKIP LOCKED}.
 */
public final class Drain {

    private Drain() {
    }

    /** Returns how many items the batches handled in all. */
    public static int inTransactions(int size, IntSupplier batch) {
        int total = 0;
        while (true) {
            int handled = QuarkusTransaction.requiringNew().call(batch::getAsInt);
            total += handled;
            if (handled < size) {
                return total;
            }
        }
    }
}

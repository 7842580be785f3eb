package io.tiercare.chassis.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit: concurrent callers' items are written together, one transaction for many requests.
 * <p>
 * Whoever finds fewer than {@code writers} batches being written becomes a leader: it takes up to {@code maxBatch}
 * waiting items (never two with the same key, so a later one sees what the earlier one wrote), writes them with the
 * handler on its own thread, hands every caller its outcome and wakes the next waiting caller to lead. There is no
 * thread of its own and no timer: batches form only while other batches are being written, so a lone request waits
 * for nothing. More than one writer keeps the database busy while a batch commits.
 * <p>
 * If the handler fails as a whole (a database error, say), each item of that batch is written again alone, so one
 * bad item fails its own caller only.
 *
 * @param <I> what a caller submits
 * @param <O> what the caller gets back
 */
public final class GroupCommit<I, O> {

    /** Writes a batch and returns one outcome per item, in the items' order. */
    @FunctionalInterface
    public interface Handler<I, O> {
        List<Outcome<O>> write(List<I> items);
    }

    /** What became of one item: its value, or the exception its caller gets. */
    public sealed interface Outcome<O> {
        O get();
    }

    public record Done<O>(O value) implements Outcome<O> {
        @Override
        public O get() {
            return value;
        }
    }

    public record Failed<O>(RuntimeException error) implements Outcome<O> {
        @Override
        public O get() {
            throw error;
        }
    }

    public static <O> Outcome<O> done(O value) {
        return new Done<>(value);
    }

    public static <O> Outcome<O> failed(RuntimeException error) {
        return new Failed<>(error);
    }

    private final int maxBatch;
    private final int writers;
    private final Function<? super I, ?> key;
    private final Handler<I, O> handler;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter<I, O>> waiting = new ArrayDeque<>();
    private int writing;

    /**
     * @param maxBatch the most items written together
     * @param writers  the most batches written at the same time
     * @param key      items with equal keys are never in the same batch
     * @param handler  writes one batch; it runs on the leading caller's thread
     */
    public GroupCommit(int maxBatch, int writers, Function<? super I, ?> key, Handler<I, O> handler) {
        if (maxBatch < 1 || writers < 1) {
            throw new IllegalArgumentException("maxBatch and writers must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.writers = writers;
        this.key = key;
        this.handler = handler;
    }

    /** Writes the item, together with whatever else is waiting, and returns its value or throws its exception. */
    public O submit(I item) {
        Waiter<I, O> self = new Waiter<>(item, lock.newCondition());
        lock.lock();
        try {
            waiting.addLast(self);
            while (self.outcome == null) {
                if (writing == writers) {
                    self.wakeUp.awaitUninterruptibly();
                    continue;
                }
                writing++;
                List<Waiter<I, O>> batch = take();
                if (writing < writers && !waiting.isEmpty()) {
                    waiting.peekFirst().wakeUp.signal(); // a writer is free for whoever is left
                }
                List<Outcome<O>> outcomes = null;
                lock.unlock();
                try {
                    outcomes = write(batch.stream().map(w -> w.item).toList());
                } finally {
                    lock.lock();
                    writing--;
                    for (int i = 0; i < batch.size(); i++) {
                        Waiter<I, O> w = batch.get(i);
                        w.outcome = outcomes != null ? outcomes.get(i)
                                : failed(new IllegalStateException("the batch was not written"));
                        w.wakeUp.signal();
                    }
                    Waiter<I, O> next = waiting.peekFirst();
                    if (next != null) {
                        next.wakeUp.signal();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        return self.outcome.get();
    }

    /** How many callers wait for their items to be written (a gauge, and what tests synchronise on). */
    public int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private List<Waiter<I, O>> take() {
        List<Waiter<I, O>> batch = new ArrayList<>(Math.min(maxBatch, waiting.size()));
        Set<Object> keys = new HashSet<>();
        for (Iterator<Waiter<I, O>> it = waiting.iterator(); it.hasNext() && batch.size() < maxBatch;) {
            Waiter<I, O> w = it.next();
            if (keys.add(key.apply(w.item))) {
                batch.add(w);
                it.remove();
            }
        }
        return batch;
    }

    private List<Outcome<O>> write(List<I> items) {
        List<Outcome<O>> outcomes;
        try {
            outcomes = handler.write(items);
        } catch (RuntimeException e) {
            if (items.size() == 1) {
                return List.of(failed(e));
            }
            List<Outcome<O>> alone = new ArrayList<>(items.size());
            items.forEach(item -> alone.add(write(List.of(item)).get(0)));
            return alone;
        }
        if (outcomes.size() != items.size() || outcomes.stream().anyMatch(Objects::isNull)) {
            throw new IllegalStateException("the handler must give one outcome per item: " + outcomes.size()
                    + " for " + items.size() + " items");
        }
        return outcomes;
    }

    private static final class Waiter<I, O> {
        final I item;
        final Condition wakeUp;
        Outcome<O> outcome; // guarded by the lock

        Waiter(I item, Condition wakeUp) {
            this.item = item;
            this.wakeUp = wakeUp;
        }
    }
}

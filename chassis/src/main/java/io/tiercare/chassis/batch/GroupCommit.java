package io.tiercare.chassis.batch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.jboss.logging.Logger;

/**
 * Group commit: concurrent callers' items are written together, one transaction for many requests.
 * <p>
 * {@link #submit} queues the item and returns at once; {@code writers} threads of its own take up to
 * {@code maxBatch} waiting items at a time (never two with the same key, so a later one sees what the earlier one
 * wrote), write them with the handler and complete each caller's stage with its own outcome. There is no timer:
 * batches form only while other batches are being written, so a lone item is written at once. More than one writer
 * keeps the database busy while a batch commits. Nobody waits on a thread: a request handled on an event loop stays
 * there until its answer is ready.
 * <p>
 * If the handler fails as a whole (a database error, say), each item of that batch is written again alone, so one
 * bad item fails its own caller only.
 *
 * @param <I> what a caller submits
 * @param <O> what the caller gets back
 */
public final class GroupCommit<I, O> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);
    /** How long {@link #close} waits for the writers to finish what was queued. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

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
    private final Function<? super I, ?> key;
    private final Handler<I, O> handler;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition itemsWaiting = lock.newCondition();
    private final ArrayDeque<Waiter<I, O>> waiting = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private int idle; // writers waiting for items (guarded by the lock)
    private boolean closed; // guarded by the lock

    /**
     * @param name     names the writer threads
     * @param maxBatch the most items written together
     * @param writers  the most batches written at the same time: one thread each
     * @param key      items with equal keys are never in the same batch
     * @param handler  writes one batch, on a writer thread
     */
    public GroupCommit(String name, int maxBatch, int writers, Function<? super I, ?> key, Handler<I, O> handler) {
        if (maxBatch < 1 || writers < 1) {
            throw new IllegalArgumentException("maxBatch and writers must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.key = key;
        this.handler = handler;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::writeWhileOpen, name + "-writer-" + i);
            writer.setDaemon(true);
            threads.add(writer);
            writer.start();
        }
    }

    /** Queues the item to be written with whatever else is waiting; the stage completes once it is written. */
    public CompletionStage<O> submit(I item) {
        Waiter<I, O> self = new Waiter<>(item);
        lock.lock();
        try {
            if (closed) {
                self.result.completeExceptionally(new IllegalStateException("no longer accepting items"));
                return self.result;
            }
            waiting.addLast(self);
            if (idle > 0) {
                itemsWaiting.signal();
            }
        } finally {
            lock.unlock();
        }
        return self.result;
    }

    /** How many items wait for a writer (a gauge, and what tests synchronise on). */
    public int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes what is queued already (waiting up to 30 s for it), then stops the writers; items submitted afterwards
     * are refused.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            itemsWaiting.signalAll();
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        for (Thread writer : threads) {
            try {
                writer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (writer.isAlive()) {
                LOG.warnf("%s is still writing after %s; not waiting for it any longer", writer.getName(),
                        CLOSE_TIMEOUT);
            }
        }
    }

    private void writeWhileOpen() {
        while (true) {
            List<Waiter<I, O>> batch;
            lock.lock();
            try {
                while (waiting.isEmpty() && !closed) {
                    idle++;
                    itemsWaiting.awaitUninterruptibly();
                    idle--;
                }
                if (waiting.isEmpty()) {
                    return; // closed and drained
                }
                batch = take();
                if (!waiting.isEmpty() && idle > 0) {
                    itemsWaiting.signal(); // items left over (a full batch, a repeated key): another writer takes them
                }
            } finally {
                lock.unlock();
            }
            List<Outcome<O>> outcomes = null;
            RuntimeException failure = null;
            try {
                outcomes = write(batch.stream().map(w -> w.item).toList());
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                LOG.errorf(e, "A batch of %d items could not be written", batch.size());
                failure = new IllegalStateException("the batch was not written", e);
            }
            for (int i = 0; i < batch.size(); i++) {
                complete(batch.get(i).result, outcomes != null ? outcomes.get(i) : failed(failure));
            }
        }
    }

    private static <O> void complete(CompletableFuture<O> result, Outcome<O> outcome) {
        if (outcome instanceof Failed<O> failed) {
            result.completeExceptionally(failed.error());
        } else {
            result.complete(outcome.get());
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
        final CompletableFuture<O> result = new CompletableFuture<>();

        Waiter(I item) {
            this.item = item;
        }
    }
}

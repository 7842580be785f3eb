package io.tiercare.chassis.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<GroupCommit<?, ?>> groups = new ArrayList<>();

    @AfterEach
    void stop() {
        groups.forEach(GroupCommit::close);
    }

    @Test
    void aLoneItemIsWrittenAtOnceOnAWriterThreadAndTheCallerIsNotHeld() throws Exception {
        List<String> writers = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<String, String> group = group(8, 1, s -> s, items -> {
            writers.add(Thread.currentThread().getName());
            batches.add(items);
            return items.stream().map(s -> GroupCommit.done(s.toUpperCase())).toList();
        });

        assertThat(value(group.submit("a"))).isEqualTo("A");
        assertThat(batches).containsExactly(List.of("a"));
        assertThat(writers).containsExactly("test-writer-0");
        assertThat(group.waiting()).isZero();
    }

    @Test
    void itemsArrivingWhileABatchIsWrittenGoTogetherInTheNext() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> group = group(64, 1, s -> s, recording("first", release, s -> s + "!"));

        CompletableFuture<String> first = group.submit("first").toCompletableFuture();
        awaitBatches(1);
        List<CompletableFuture<String>> later = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            later.add(group.submit("later-" + i).toCompletableFuture());
        }
        assertThat(group.waiting()).isEqualTo(15);
        assertThat(first).isNotDone();
        release.countDown();

        assertThat(value(first)).isEqualTo("first!");
        for (int i = 0; i < 15; i++) {
            assertThat(value(later.get(i))).isEqualTo("later-" + i + "!");
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).hasSize(15).allMatch(s -> s.startsWith("later-"));
    }

    @Test
    void withTwoWritersASecondBatchIsWrittenWhileTheFirstIsStillCommitting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> group = group(64, 2, s -> s, recording("slow", release, s -> s));

        CompletableFuture<String> slow = group.submit("slow").toCompletableFuture();
        awaitBatches(1);
        assertThat(value(group.submit("quick"))).isEqualTo("quick");
        assertThat(slow).isNotDone();
        assertThat(value(group.submit("third"))).isEqualTo("third");
        release.countDown();

        assertThat(value(slow)).isEqualTo("slow");
        assertThat(batches).containsExactly(List.of("slow"), List.of("quick"), List.of("third"));
    }

    @Test
    void aBatchHoldsAtMostMaxBatchItemsAndNeverTwoWithTheSameKey() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> group = group(3, 1, s -> s.substring(0, 1), recording("x0", release, s -> s));

        CompletableFuture<String> blocker = group.submit("x0").toCompletableFuture();
        awaitBatches(1);
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (String item : List.of("a1", "a2", "b1", "c1", "d1")) {
            queued.add(group.submit(item).toCompletableFuture());
        }
        release.countDown();
        value(blocker);
        for (CompletableFuture<String> f : queued) {
            value(f);
        }

        // a2 shares a1's key: it waits for the next batch; the first batch is full at three
        assertThat(batches).containsExactly(List.of("x0"), List.of("a1", "b1", "c1"), List.of("a2", "d1"));
    }

    @Test
    void whenABatchFailsEachItemIsWrittenAloneSoOnlyTheBadOneFails() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> group = group(16, 1, s -> s, items -> {
            batches.add(items);
            if (items.contains("hold")) {
                await(release);
            }
            if (items.contains("bad")) {
                throw new IllegalArgumentException("bad item");
            }
            return items.stream().map(s -> GroupCommit.done("ok " + s)).toList();
        });

        CompletableFuture<String> hold = group.submit("hold").toCompletableFuture();
        awaitBatches(1);
        CompletableFuture<String> good = group.submit("good").toCompletableFuture();
        CompletableFuture<String> bad = group.submit("bad").toCompletableFuture();
        release.countDown();

        assertThat(value(hold)).isEqualTo("ok hold");
        assertThat(value(good)).isEqualTo("ok good");
        assertThatThrownBy(() -> value(bad)).isInstanceOf(IllegalArgumentException.class).hasMessage("bad item");
        assertThat(batches).containsExactly(List.of("hold"), List.of("good", "bad"), List.of("good"), List.of("bad"));
    }

    @Test
    void aFailedOutcomeFailsItsCallerOnly() throws Exception {
        GroupCommit<String, String> group = group(4, 1, s -> s,
                items -> items.stream().map(s -> s.equals("missing")
                        ? GroupCommit.<String>failed(new IllegalStateException("no such thing"))
                        : GroupCommit.done(s)).toList());

        assertThatThrownBy(() -> value(group.submit("missing"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("no such thing");
        assertThat(value(group.submit("present"))).isEqualTo("present");
    }

    @Test
    void aHandlerThatLosesAnItemFailsLoudly() {
        GroupCommit<String, String> group = group(4, 1, s -> s, items -> List.of());

        assertThatThrownBy(() -> value(group.submit("a"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one outcome per item");
        assertThat(group.waiting()).isZero();
    }

    @Test
    void closingWritesWhatIsQueuedThenRefusesNewItems() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> group = new GroupCommit<>("test", 8, 1, s -> s,
                recording("first", release, s -> s + "!"));
        CompletableFuture<String> first = group.submit("first").toCompletableFuture();
        awaitBatches(1);
        CompletableFuture<String> queued = group.submit("queued").toCompletableFuture();
        Thread closing = new Thread(group::close);
        closing.start();
        release.countDown();
        closing.join(10_000);

        assertThat(value(first)).isEqualTo("first!");
        assertThat(value(queued)).isEqualTo("queued!");
        assertThatThrownBy(() -> value(group.submit("late"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("no longer accepting items");
        assertThat(closing.isAlive()).isFalse();
    }

    private GroupCommit<String, String> group(int maxBatch, int writers, Function<String, ?> key,
            GroupCommit.Handler<String, String> handler) {
        GroupCommit<String, String> group = new GroupCommit<>("test", maxBatch, writers, key, handler);
        groups.add(group);
        return group;
    }

    /** A handler that records each batch, holds the one containing {@code holdOn} until released, and maps items. */
    private GroupCommit.Handler<String, String> recording(String holdOn, CountDownLatch release,
            java.util.function.UnaryOperator<String> value) {
        return items -> {
            batches.add(items);
            if (items.contains(holdOn)) {
                await(release);
            }
            return items.stream().map(s -> GroupCommit.done(value.apply(s))).toList();
        };
    }

    /** The stage's value, or the exception it failed with. */
    private static String value(java.util.concurrent.CompletionStage<String> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private void awaitBatches(int count) {
        spinUntil(() -> batches.size() >= count);
    }

    private static void spinUntil(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package io.tiercare.chassis.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(20);
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void aLoneCallerIsWrittenAtOnceOnItsOwnThread() {
        Thread caller = Thread.currentThread();
        List<Thread> writers = new ArrayList<>();
        GroupCommit<String, String> group = new GroupCommit<>(8, 1, s -> s, items -> {
            writers.add(Thread.currentThread());
            batches.add(items);
            return items.stream().map(s -> GroupCommit.done(s.toUpperCase())).toList();
        });

        assertThat(group.submit("a")).isEqualTo("A");
        assertThat(batches).containsExactly(List.of("a"));
        assertThat(writers).containsExactly(caller);
        assertThat(group.waiting()).isZero();
    }

    @Test
    void callersArrivingWhileABatchIsWrittenGoTogetherInTheNext() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> group = new GroupCommit<>(64, 1, s -> s,
                recording("first", release, s -> s + "!"));

        Future<String> first = callers.submit(() -> group.submit("first"));
        awaitBatches(1);
        List<Future<String>> later = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String item = "later-" + i;
            later.add(callers.submit(() -> group.submit(item)));
        }
        awaitWaiting(group, 15);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first!");
        for (int i = 0; i < 15; i++) {
            assertThat(later.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("later-" + i + "!");
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).hasSize(15).allMatch(s -> s.startsWith("later-"));
    }

    @Test
    void withTwoWritersASecondBatchIsWrittenWhileTheFirstIsStillCommitting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> group = new GroupCommit<>(64, 2, s -> s, recording("slow", release, s -> s));

        Future<String> slow = callers.submit(() -> group.submit("slow"));
        awaitBatches(1);
        assertThat(callers.submit(() -> group.submit("quick")).get(10, TimeUnit.SECONDS)).isEqualTo("quick");
        assertThat(slow).isNotDone();
        Future<String> third = callers.submit(() -> group.submit("third"));
        assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo("third");
        release.countDown();

        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
        assertThat(batches).containsExactly(List.of("slow"), List.of("quick"), List.of("third"));
    }

    @Test
    void aBatchHoldsAtMostMaxBatchItemsAndNeverTwoWithTheSameKey() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> group = new GroupCommit<>(3, 1, s -> s.substring(0, 1),
                recording("x0", release, s -> s));

        Future<String> blocker = callers.submit(() -> group.submit("x0"));
        awaitBatches(1);
        List<Future<String>> queued = new ArrayList<>();
        for (String item : List.of("a1", "a2", "b1", "c1", "d1")) {
            queued.add(callers.submit(() -> group.submit(item)));
            awaitWaiting(group, queued.size());
        }
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        for (Future<String> f : queued) {
            f.get(10, TimeUnit.SECONDS);
        }

        // a2 shares a1's key: it waits for the next batch; the first batch is full at three
        assertThat(batches).containsExactly(List.of("x0"), List.of("a1", "b1", "c1"), List.of("a2", "d1"));
    }

    @Test
    void whenABatchFailsEachItemIsWrittenAloneSoOnlyTheBadOneFails() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> group = new GroupCommit<>(16, 1, s -> s, items -> {
            batches.add(items);
            if (items.contains("hold")) {
                await(release);
            }
            if (items.contains("bad")) {
                throw new IllegalArgumentException("bad item");
            }
            return items.stream().map(s -> GroupCommit.done("ok " + s)).toList();
        });

        Future<String> hold = callers.submit(() -> group.submit("hold"));
        awaitBatches(1);
        Future<String> good = callers.submit(() -> group.submit("good"));
        awaitWaiting(group, 1);
        Future<String> bad = callers.submit(() -> group.submit("bad"));
        awaitWaiting(group, 2);
        release.countDown();

        assertThat(hold.get(10, TimeUnit.SECONDS)).isEqualTo("ok hold");
        assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo("ok good");
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad item");
        assertThat(batches).containsExactly(List.of("hold"), List.of("good", "bad"), List.of("good"), List.of("bad"));
    }

    @Test
    void aFailedOutcomeIsThrownToItsCallerOnly() {
        GroupCommit<String, String> group = new GroupCommit<>(4, 1, s -> s,
                items -> items.stream().map(s -> s.equals("missing")
                        ? GroupCommit.<String>failed(new IllegalStateException("no such thing"))
                        : GroupCommit.done(s)).toList());

        assertThatThrownBy(() -> group.submit("missing")).isInstanceOf(IllegalStateException.class)
                .hasMessage("no such thing");
        assertThat(group.submit("present")).isEqualTo("present");
    }

    @Test
    void aHandlerThatLosesAnItemFailsLoudly() {
        GroupCommit<String, String> group = new GroupCommit<>(4, 1, s -> s, items -> List.of());

        assertThatThrownBy(() -> group.submit("a")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one outcome per item");
        assertThat(group.waiting()).isZero();
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

    private void awaitBatches(int count) {
        spinUntil(() -> batches.size() >= count);
    }

    private static void awaitWaiting(GroupCommit<?, ?> group, int count) {
        spinUntil(() -> group.waiting() == count);
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

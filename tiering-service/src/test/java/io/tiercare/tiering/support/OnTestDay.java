package io.tiercare.tiering.support;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.tiercare.testing.TestClock;
import jakarta.inject.Inject;

/** Tests whose worked examples are told as of 2026-11-22 08:00Z (16:00 in Shanghai); they move the clock on. */
public abstract class OnTestDay {

    public static final Instant TEST_DAY = Instant.parse("2026-11-22T08:00:00Z");

    @Inject
    protected TestClock clock;

    @BeforeEach
    void today() {
        clock.set(TEST_DAY);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}

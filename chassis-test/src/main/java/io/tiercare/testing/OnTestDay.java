package io.tiercare.testing;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import jakarta.inject.Inject;

/**
 * Tests whose worked examples are told as of Sunday 22 November 2026, 08:00Z (16:00 in Shanghai): the clock is set
 * there before each test, which moves it on as its story goes, and reset after.
 */
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

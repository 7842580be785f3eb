package io.tiercare.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tiercare.gateway.limits.CircuitBreaker.State;

/** The breaker's rules: open on a failing share of recent calls, one trial after the pause, close on its success. */
class CircuitBreakerTest {

    private static final long SECOND = 1_000_000_000L;

    private static CircuitBreaker breaker() {
        return new CircuitBreaker(10, 4, 0.5, 10 * SECOND);
    }

    @Test
    void itStaysClosedUntilEnoughCallsAreKnown() {
        CircuitBreaker breaker = breaker();
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.allow(0)).isTrue();
            breaker.failed(0);
        }
        assertThat(breaker.state()).as("three failures, fewer than the four calls judged").isEqualTo(State.CLOSED);
        breaker.failed(0);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.allow(SECOND)).isFalse();
        assertThat(breaker.retryAfterSeconds(SECOND)).isEqualTo(9);
    }

    @Test
    void aFewFailuresAmongSuccessesDoNotOpenIt() {
        CircuitBreaker breaker = breaker();
        for (int i = 0; i < 30; i++) {
            breaker.succeeded();
            breaker.succeeded();
            breaker.failed(0);
        }
        assertThat(breaker.state()).as("a third of the calls failing, below one half").isEqualTo(State.CLOSED);
    }

    @Test
    void afterThePauseOneTrialCallDecides() {
        CircuitBreaker breaker = breaker();
        for (int i = 0; i < 4; i++) {
            breaker.failed(0);
        }
        assertThat(breaker.allow(10 * SECOND)).as("the trial").isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.allow(10 * SECOND)).as("only one trial at a time").isFalse();
        breaker.failed(11 * SECOND);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.allow(20 * SECOND)).as("still open until 21 s").isFalse();

        assertThat(breaker.allow(21 * SECOND)).isTrue();
        breaker.succeeded();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        // closed afresh: the failures before the pause are forgotten
        for (int i = 0; i < 3; i++) {
            breaker.failed(22 * SECOND);
        }
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }
}

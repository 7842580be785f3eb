package io.tiercare.gateway.limits;

/**
 * One upstream's circuit breaker, from the outcomes of its last {@code window} calls: once at least
 * {@code minimumCalls} of them are known and the share of failures reaches {@code failureRatio}, it opens for
 * {@code openFor}; then one trial call is let through (half-open): success closes it, failure opens it again. Pure
 * (the caller passes the time in nanoseconds).
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final boolean[] outcomes;
    private final int minimumCalls;
    private final double failureRatio;
    private final long openForNanos;
    private State state = State.CLOSED;
    private int calls;
    private int failures;
    private int next;
    private long openUntil;
    private boolean trialInFlight;

    public CircuitBreaker(int window, int minimumCalls, double failureRatio, long openForNanos) {
        if (window < 1 || minimumCalls < 1 || minimumCalls > window || !(failureRatio > 0 && failureRatio <= 1)
                || openForNanos <= 0) {
            throw new IllegalArgumentException("window ≥ minimum calls ≥ 1, 0 < failure ratio ≤ 1, open for > 0");
        }
        this.outcomes = new boolean[window];
        this.minimumCalls = minimumCalls;
        this.failureRatio = failureRatio;
        this.openForNanos = openForNanos;
    }

    /** Whether a call may go to the upstream now; a true while half-open is the one trial call. */
    public synchronized boolean allow(long now) {
        if (state == State.OPEN && now - openUntil >= 0) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void succeeded() {
        if (state == State.HALF_OPEN) {
            close();
        } else if (state == State.CLOSED) {
            record(false);
        }
    }

    public synchronized void failed(long now) {
        if (state == State.HALF_OPEN) {
            open(now);
        } else if (state == State.CLOSED) {
            record(true);
            if (calls >= minimumCalls && failures >= failureRatio * calls) {
                open(now);
            }
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds until a trial call is let through (at least 1 while open or while the trial runs). */
    public synchronized long retryAfterSeconds(long now) {
        long nanos = openUntil - now;
        return Math.max(1, (long) Math.ceil(nanos / 1_000_000_000d));
    }

    private void record(boolean failure) {
        if (calls == outcomes.length) {
            if (outcomes[next]) {
                failures--;
            }
        } else {
            calls++;
        }
        outcomes[next] = failure;
        if (failure) {
            failures++;
        }
        next = (next + 1) % outcomes.length;
    }

    private void open(long now) {
        state = State.OPEN;
        openUntil = now + openForNanos;
        trialInFlight = false;
    }

    private void close() {
        state = State.CLOSED;
        calls = 0;
        failures = 0;
        next = 0;
        trialInFlight = false;
    }
}

package io.tiercare.gateway.limits;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled at {@code perSecond}; each request takes one. Pure
 * (the caller passes the time in nanoseconds), so its arithmetic is tested without waiting.
 */
public final class TokenBucket {

    /** What the bucket decided, and what the client is told (RateLimit-* and Retry-After, in whole seconds). */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    public TokenBucket(long capacity, double perSecond, long now) {
        if (capacity < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException("a bucket holds at least one token and refills at a positive rate");
        }
        this.capacity = capacity;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.last = now;
    }

    /** Takes a token if there is one. */
    public synchronized Decision take(long now) {
        refill(now);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long retryAfter = allowed ? 0 : seconds((1 - tokens) / perNano);
        return new Decision(allowed, (long) capacity, (long) Math.floor(tokens), seconds((capacity - tokens) / perNano),
                retryAfter);
    }

    /** Whether the bucket is full again at {@code now}: nothing is lost by forgetting it. */
    public synchronized boolean full(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
        }
    }

    private static long seconds(double nanos) {
        return nanos <= 0 ? 0 : Math.max(1, (long) Math.ceil(nanos / NANOS_PER_SECOND));
    }
}

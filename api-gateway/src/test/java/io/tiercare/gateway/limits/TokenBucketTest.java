package io.tiercare.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rate-limit rules: a burst up to the capacity, then one request per refill, and what the client is told. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aClientMayBurstUpToTheCapacityAndIsThenToldWhenToComeBack() {
        TokenBucket bucket = new TokenBucket(3, 0.5, 0);

        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Decision(true, 3, 2, 2, 0));
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Decision(true, 3, 1, 4, 0));
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Decision(true, 3, 0, 6, 0));
        // empty: the next token comes in 2 s (0.5 per second)
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Decision(false, 3, 0, 6, 2));
        assertThat(bucket.take(SECOND)).extracting(TokenBucket.Decision::allowed,
                TokenBucket.Decision::retryAfterSeconds).containsExactly(false, 1L);
        assertThat(bucket.take(2 * SECOND).allowed()).isTrue();
    }

    @Test
    void aRefusedRequestCostsNothingAndTheBucketNeverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        bucket.take(0);
        bucket.take(0);
        for (int i = 0; i < 100; i++) {
            assertThat(bucket.take(0).allowed()).isFalse();
        }
        assertThat(bucket.take(SECOND / 5).allowed()).as("two tokens after 200 ms at 10 per second").isTrue();
        assertThat(bucket.full(3600 * SECOND)).isTrue();
        assertThat(bucket.take(3600 * SECOND).remaining()).isEqualTo(1);
    }

    @Test
    void aBucketNeedsRoomAndARate() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

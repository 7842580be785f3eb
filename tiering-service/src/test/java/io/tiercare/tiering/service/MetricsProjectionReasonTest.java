package io.tiercare.tiering.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MetricsProjectionReasonTest {

    @Test
    void shouldNameEveryFactOfAFewInTheOrderTheyHappened() {
        assertThat(MetricsProjection.reason(List.of("purchase of 100 CNY"))).isEqualTo("purchase of 100 CNY");
        assertThat(MetricsProjection.reason(List.of("registered", "purchase of 100 CNY", "inquiry recorded")))
                .isEqualTo("registered; purchase of 100 CNY; inquiry recorded");
    }

    @Test
    void shouldCountTheFactsBeyondTheFirstThree() {
        assertThat(MetricsProjection.reason(List.of("a", "b", "c", "d", "e"))).isEqualTo("a; b; c and 2 more");
    }
}

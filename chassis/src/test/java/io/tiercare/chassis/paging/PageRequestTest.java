package io.tiercare.chassis.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tiercare.chassis.problem.InvalidInputException;

class PageRequestTest {

    @Test
    void anAbsentPageIsTheFirstOfTwenty() {
        PageRequest first = PageRequest.of(null, null);
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(20);
        assertThat(PageRequest.of(3, 50).offset()).isEqualTo(150);
    }

    @Test
    void aPageBeyondAnyListIsTheClientsMistakeNamingPage() {
        assertThatThrownBy(() -> PageRequest.of(Integer.MAX_VALUE, 200)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("page"));
        assertThat(PageRequest.of(Integer.MAX_VALUE / 200, 200).offset()).isPositive();
    }

    @Test
    void sizeIsBounded() {
        assertThatThrownBy(() -> PageRequest.of(0, 201)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("size"));
        assertThatThrownBy(() -> PageRequest.of(-1, 20)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("page"));
    }
}

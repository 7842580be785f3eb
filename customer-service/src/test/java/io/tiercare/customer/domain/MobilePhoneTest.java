package io.tiercare.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.tiercare.chassis.problem.InvalidInputException;

class MobilePhoneTest {

    @ParameterizedTest
    @CsvSource({
            "13812341234, +8613812341234",
            "+8613812341234, +8613812341234",
            "8619912341234, +8619912341234",
            "138 1234 1234, +8613812341234",
            "138-1234-1234, +8613812341234",
            "+14155550123, +14155550123" })
    void shouldNormaliseToE164(String raw, String e164) {
        assertThat(MobilePhone.normalise("mobilePhone", raw)).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = { "12812341234", "1381234123", "138123412345", "+8602112345678", "abc", "", "+0123456",
            "0085213812341234" })
    void shouldRefuseWhatIsNotAMobileNumber(String raw) {
        assertThatThrownBy(() -> MobilePhone.normalise("mobilePhone", raw))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("mobilePhone");
    }
}

package io.tiercare.chassis.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void aPhoneNumberKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(Masking.phone("+8613812341234")).isEqualTo("138****1234");
        assertThat(Masking.phone("13800138000")).isEqualTo("138****8000");
        assertThat(Masking.phone("138 0013 8000")).isEqualTo("138****8000");
        assertThat(Masking.phone("12345")).isEqualTo("****");
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void anEmailAddressKeepsItsFirstCharacterAndItsDomain() {
        assertThat(Masking.email("zhang.wei@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.email("@example.com")).isEqualTo("***");
    }

    @Test
    void aContactIsMaskedAsWhatItIs() {
        assertThat(Masking.contact("13800138000")).isEqualTo("138****8000");
        assertThat(Masking.contact(" li@example.cn ")).isEqualTo("l***@example.cn");
    }

    @Test
    void freeTextHasEveryLongNumberAndEveryEmailAddressMaskedAndTheRestKept() {
        assertThat(Masking.text("客户手机 13812341234 已更新，邮箱 zhang@example.com"))
                .isEqualTo("客户手机 138****1234 已更新，邮箱 z***@example.com");
        assertThat(Masking.text("身份证 110101199003071234")).isEqualTo("身份证 110****1234");
        assertThat(Masking.text("call 138-1234-1234 after 3 pm")).isEqualTo("call 138****1234 after 3 pm");
        assertThat(Masking.text("order 123456 of 2026-11-30")).as("short numbers and dates stay")
                .isEqualTo("order 123456 of 2026-11-30");
    }
}

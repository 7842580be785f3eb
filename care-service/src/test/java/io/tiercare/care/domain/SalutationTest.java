package io.tiercare.care.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class SalutationTest {

    @Test
    void aManIsAddressedByFamilyNameAnd先生AWomanBy女士() {
        assertThat(Salutation.of("段晓明", "MALE")).isEqualTo("段先生");
        assertThat(Salutation.of("王芳", "FEMALE")).isEqualTo("王女士");
    }

    @Test
    void aCompoundFamilyNameIsKeptWhole() {
        assertThat(Salutation.of("欧阳娜娜", "FEMALE")).isEqualTo("欧阳女士");
        assertThat(Salutation.of("司马光", "MALE")).isEqualTo("司马先生");
        assertThat(Salutation.familyName("欧阳")).isEqualTo("欧");
    }

    @Test
    void anUnknownGenderGetsTheFullNameNeverAGuess() {
        assertThat(Salutation.of("段晓明", null)).isEqualTo("段晓明");
        assertThat(Salutation.of("段晓明", "UNKNOWN")).isEqualTo("段晓明");
        assertThat(Salutation.of("Li Lei", "MALE")).isEqualTo("Li Lei");
        assertThat(Salutation.of(" ", "MALE")).isEqualTo("客户");
    }

    @Test
    void datesAndTimesAreWrittenTheChineseWay() {
        assertThat(ChineseDates.date(LocalDate.of(2018, 8, 15))).isEqualTo("2018年8月15日");
        assertThat(ChineseDates.time(LocalTime.of(11, 0))).isEqualTo("上午11点");
        assertThat(ChineseDates.time(LocalTime.of(12, 0))).isEqualTo("中午12点");
        assertThat(ChineseDates.time(LocalTime.of(15, 30))).isEqualTo("下午3点30分");
        assertThat(ChineseDates.time(LocalTime.of(20, 0))).isEqualTo("晚上8点");
        assertThat(ChineseDates.time(LocalTime.of(0, 5))).isEqualTo("凌晨0点5分");
    }
}

package io.tiercare.care.domain;

import java.time.LocalDate;
import java.time.LocalTime;

/** Dates and times as a Chinese message writes them: 2018年8月15日, 上午11点, 下午3点30分. */
public final class ChineseDates {

    private ChineseDates() {
    }

    public static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The part of the day and the hour on a 12-hour dial (中午12点, 晚上8点, 凌晨0点), minutes only when not whole. */
    public static String time(LocalTime time) {
        int hour = time.getHour();
        String part = hour < 6 ? "凌晨" : hour < 12 ? "上午" : hour == 12 ? "中午" : hour < 18 ? "下午" : "晚上";
        int dial = hour > 12 ? hour - 12 : hour;
        return part + dial + "点" + (time.getMinute() == 0 ? "" : time.getMinute() + "分");
    }
}

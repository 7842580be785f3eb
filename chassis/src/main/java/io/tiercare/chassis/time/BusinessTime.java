package io.tiercare.chassis.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/** The business time zone (default Asia/Shanghai): it decides days, birthdays, quiet hours and working days. */
@ApplicationScoped
public class BusinessTime {

    private final Clock clock;
    private final ZoneId zone;

    BusinessTime(Clock clock, @ConfigProperty(name = "tiercare.business-time-zone", defaultValue = "Asia/Shanghai")
            ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The trailing {@code months} months as of today (see {@link TrailingMonths}). */
    public TrailingMonths trailingMonths(int months) {
        return TrailingMonths.of(today(), months);
    }
}

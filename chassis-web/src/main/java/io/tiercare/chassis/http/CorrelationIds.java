package io.tiercare.chassis.http;

import java.util.UUID;
import java.util.regex.Pattern;

/** The correlation id a caller may give ({@code X-Correlation-Id}): kept when it is sane, else a new one. */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationIds() {
    }

    /** The caller's id when it is sane, otherwise a new one. */
    public static String accept(String given) {
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** The given id when it is sane, otherwise null (an event's attribute is kept only when it is one of ours). */
    public static String acceptOrNull(String given) {
        return given != null && SANE.matcher(given).matches() ? given : null;
    }
}

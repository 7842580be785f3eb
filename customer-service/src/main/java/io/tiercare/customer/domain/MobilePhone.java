package io.tiercare.customer.domain;

import java.util.regex.Pattern;

import io.tiercare.chassis.problem.InvalidInputException;

/**
 * A mobile number in E.164. Mainland numbers ({@code 1[3-9]} and nine digits, with or without +86) are checked and
 * stored as {@code +86…}; other countries are accepted in E.164.
 */
public final class MobilePhone {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");
    private static final Pattern MAINLAND = Pattern.compile("(?:\\+?86)?(1[3-9]\\d{9})");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern STORED = Pattern.compile("\\+861[3-9]\\d{9}|\\+(?!86)[1-9]\\d{6,14}");

    private MobilePhone() {
    }

    public static String normalise(String field, String raw) {
        String compact = raw == null ? "" : SEPARATORS.matcher(raw.strip()).replaceAll("");
        var mainland = MAINLAND.matcher(compact);
        if (mainland.matches()) {
            return "+86" + mainland.group(1);
        }
        if (compact.startsWith("+86") || !compact.startsWith("+")) {
            throw new InvalidInputException(field, "must be a mainland mobile number (1[3-9] and 9 digits) or E.164");
        }
        if (!E164.matcher(compact).matches()) {
            throw new InvalidInputException(field, "must be an E.164 number like +8613812341234");
        }
        return compact;
    }

    /** Whether a stored value is a valid E.164 mobile (the data-quality report counts the ones that are not). */
    public static boolean isValid(String e164) {
        return e164 != null && STORED.matcher(e164).matches();
    }
}

package io.tiercare.customer.domain;

import java.util.Locale;
import java.util.regex.Pattern;

import io.tiercare.chassis.problem.InvalidInputException;

/** An email address, trimmed and lower-cased so the same mailbox is recognised however it was typed. */
public final class EmailAddress {

    private static final Pattern VALID = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");

    private EmailAddress() {
    }

    public static String normalise(String field, String raw) {
        String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !VALID.matcher(email).matches() || email.contains("..")) {
            throw new InvalidInputException(field, "must be an email address like name@example.com");
        }
        return email;
    }

    public static boolean isValid(String email) {
        return email != null && VALID.matcher(email).matches() && !email.contains("..");
    }
}

package io.tiercare.chassis.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every service masks personal data for roles that read it masked: enough to recognise, not enough to use. A
 * phone number keeps its first three and last four digits ({@code 138****1234}), an e-mail address its first
 * character and its domain ({@code z***@example.com}); in free text, every run of seven or more digits (phone, id or
 * card numbers, spaces and hyphens inside allowed; a date is no number) and every e-mail address is masked the same
 * way.
 */
public final class Masking {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d[\\d\\s-]{5,}\\d");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final int MIN_DIGITS = 7;

    private Masking() {
    }

    /** {@code +8613812341234} or {@code 13812341234} → {@code 138****1234}; a short number → {@code ****}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.startsWith("+86") ? phone.substring(3) : phone.replaceFirst("^\\+", "");
        digits = digits.replaceAll("[\\s-]", "");
        if (digits.length() < 8) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** {@code zhang.wei@example.com} → {@code z***@example.com}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** A contact given as one value: an e-mail address masked as one, anything else as a phone number. */
    public static String contact(String contact) {
        if (contact == null) {
            return null;
        }
        return contact.contains("@") ? email(contact.strip()) : phone(contact.strip());
    }

    /** Free text with its numbers and e-mail addresses masked, the rest as written. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String numbersMasked = DIGIT_RUN.matcher(text).replaceAll(m -> {
            long digits = m.group().chars().filter(Character::isDigit).count();
            boolean number = digits >= MIN_DIGITS && !DATE.matcher(m.group()).matches();
            return Matcher.quoteReplacement(number ? phone(m.group()) : m.group());
        });
        return EMAIL.matcher(numbersMasked).replaceAll(m -> Matcher.quoteReplacement(email(m.group())));
    }
}

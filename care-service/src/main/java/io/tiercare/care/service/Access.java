package io.tiercare.care.service;

import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.security.Roles;

/**
 * What a caller may see of care tasks: an account manager only the tasks assigned to them or of their customers
 * (others answer 404, as if they did not exist); analysts and other systems read notes with phone numbers, e-mail
 * addresses and id numbers masked.
 */
public record Access(String userId, Optional<String> managerScope, boolean masked) {

    private static final Pattern EMAIL = Pattern.compile("(?<=[^\\s@])[^\\s@]*(?=@)");

    public static Access of(SecurityIdentity identity) {
        String user = identity.getPrincipal().getName();
        return new Access(user, Roles.managerScope(user, identity.getRoles()),
                Roles.seesMaskedData(identity.getRoles()));
    }

    /** Whether a task with this assignee, of a customer with this account manager, is within reach. */
    public boolean reaches(String assignee, String accountManagerId) {
        return managerScope.isEmpty() || managerScope.get().equals(assignee)
                || managerScope.get().equals(accountManagerId);
    }

    /** Free text as this caller may read it. */
    public String text(String text) {
        return masked ? mask(text) : text;
    }

    /**
     * {@code 联系人手机 13800138000, zhang@example.com} → {@code 联系人手机 138******00, z****@example.com}: runs
     * of seven or more digits keep their first three and last two, e-mail addresses their first character.
     */
    static String mask(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        var runs = Pattern.compile("\\d[\\d\\s-]{5,}\\d").matcher(text);
        int last = 0;
        while (runs.find()) {
            out.append(text, last, runs.start());
            String run = runs.group();
            long digits = run.chars().filter(Character::isDigit).count();
            out.append(digits >= 7 ? maskDigits(run) : run);
            last = runs.end();
        }
        out.append(text.substring(last));
        return EMAIL.matcher(out).replaceAll(m -> "*".repeat(m.group().length()));
    }

    private static String maskDigits(String run) {
        long total = run.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder();
        int seen = 0;
        for (char c : run.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen <= 3 || seen > total - 2 ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

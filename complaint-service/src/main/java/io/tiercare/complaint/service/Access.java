package io.tiercare.complaint.service;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.security.Roles;

/**
 * What a caller may see of complaints: an account manager only their customers' (others answer 404, as if they did
 * not exist); analysts and other systems see the contact details masked.
 */
public record Access(String userId, Optional<String> managerScope, boolean masked) {

    public static Access of(SecurityIdentity identity) {
        String user = identity.getPrincipal().getName();
        return new Access(user, Roles.managerScope(user, identity.getRoles()),
                Roles.seesMaskedData(identity.getRoles()));
    }

    /** Whether a customer with this account manager is within reach. */
    public boolean reaches(String accountManagerId) {
        return managerScope.isEmpty() || managerScope.get().equals(accountManagerId);
    }

    /** {@code 13800138000} → {@code 138******00}: enough to recognise, not enough to call. */
    static String mask(String text) {
        if (text == null) {
            return null;
        }
        int shown = text.length() >= 8 ? 3 : 1;
        int tail = text.length() >= 8 ? 2 : 0;
        return text.substring(0, shown) + "*".repeat(text.length() - shown - tail)
                + text.substring(text.length() - tail);
    }
}

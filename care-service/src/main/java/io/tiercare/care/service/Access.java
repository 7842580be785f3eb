package io.tiercare.care.service;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.privacy.Masking;
import io.tiercare.chassis.security.Caller;

/**
 * What a caller may see of care tasks: an account manager only the tasks assigned to them or of their customers
 * (others answer 404, as if they did not exist); analysts and other systems read notes with phone numbers, e-mail
 * addresses and id numbers masked (the chassis's {@link Masking}).
 */
public record Access(String userId, Optional<String> managerScope, boolean masked) {

    public static Access of(SecurityIdentity identity) {
        return of(Caller.of(identity));
    }

    public static Access of(Caller caller) {
        return new Access(caller.userId(), caller.managerScope(), caller.seesMaskedData());
    }

    /** Whether a task with this assignee, of a customer with this account manager, is within reach. */
    public boolean reaches(String assignee, String accountManagerId) {
        return managerScope.isEmpty() || managerScope.get().equals(assignee)
                || managerScope.get().equals(accountManagerId);
    }

    /** Free text as this caller may read it. */
    public String text(String text) {
        return masked ? Masking.text(text) : text;
    }
}

package io.tiercare.complaint.service;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.privacy.Masking;
import io.tiercare.chassis.security.Caller;

/**
 * What a caller may see of complaints: an account manager only their customers' (others answer 404, as if they did
 * not exist); analysts and other systems see the contact details masked (the chassis's {@link Masking}).
 */
public record Access(String userId, Optional<String> managerScope, boolean masked) {

    public static Access of(SecurityIdentity identity) {
        return of(Caller.of(identity));
    }

    public static Access of(Caller caller) {
        return new Access(caller.userId(), caller.managerScope(), caller.seesMaskedData());
    }

    /** Whether a customer with this account manager is within reach. */
    public boolean reaches(String accountManagerId) {
        return managerScope.isEmpty() || managerScope.get().equals(accountManagerId);
    }
}

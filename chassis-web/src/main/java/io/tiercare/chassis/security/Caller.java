package io.tiercare.chassis.security;

import java.util.Optional;
import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is asking, as every service needs to know it: their user id and roles; whether they read personal data masked
 * (analysts and other systems) or not (people at the desk and account managers, whose reads are audited); and the
 * account manager whose customers alone they may see ({@link Roles#managerScope}: outside it, 404 as if unknown).
 */
public record Caller(String userId, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.getPrincipal().getName(), identity.getRoles());
    }

    public boolean seesMaskedData() {
        return Roles.seesMaskedData(roles);
    }

    /** The account manager whose customers alone this caller may see, or empty when they may see all. */
    public Optional<String> managerScope() {
        return Roles.managerScope(userId, roles);
    }

    /** Whether a customer with this account manager is within this caller's reach. */
    public boolean reaches(String accountManagerId) {
        return managerScope().map(scope -> scope.equals(accountManagerId)).orElse(true);
    }

    /** The roles, sorted, comma-separated (for the read audit). */
    public String rolesText() {
        return String.join(",", roles.stream().sorted().toList());
    }
}

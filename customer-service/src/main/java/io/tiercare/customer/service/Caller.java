package io.tiercare.customer.service;

import java.util.Optional;
import java.util.Set;

import io.tiercare.chassis.security.Roles;

/**
 * Who is asking, as far as personal data goes: people at the desk and account managers read it unmasked (and every
 * such read is audited); analysts and other systems see it masked; an account manager sees only their customers.
 */
public record Caller(String userId, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean seesMaskedData() {
        return Roles.seesMaskedData(roles);
    }

    /** The account manager whose customers alone this caller may see, or empty when they may see all. */
    public Optional<String> managerScope() {
        return Roles.managerScope(userId, roles);
    }

    public String rolesText() {
        return String.join(",", roles.stream().sorted().toList());
    }
}

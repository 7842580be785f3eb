package io.tiercare.customer.service;

import java.util.Optional;
import java.util.Set;

import io.tiercare.chassis.security.Roles;

/**
 * Who is asking, as far as personal data goes: people at the desk and account managers read it unmasked (and every
 * such read is audited); analysts and other systems see it masked; an account manager sees only their customers.
 */
public record Caller(String userId, Set<String> roles) {

    private static final Set<String> UNMASKED = Set.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT,
            Roles.ACCOUNT_MANAGER);
    private static final Set<String> SEE_ALL = Set.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean seesMaskedData() {
        return roles.stream().noneMatch(UNMASKED::contains);
    }

    /** The account manager whose customers alone this caller may see, or empty when they may see all. */
    public Optional<String> managerScope() {
        boolean seesAll = roles.stream().anyMatch(SEE_ALL::contains);
        if (!seesAll && roles.contains(Roles.ACCOUNT_MANAGER)) {
            return Optional.of(userId);
        }
        return Optional.empty();
    }

    public String rolesText() {
        return String.join(",", roles.stream().sorted().toList());
    }
}

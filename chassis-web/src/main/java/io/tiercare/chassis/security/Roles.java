package io.tiercare.chassis.security;

import java.util.Optional;
import java.util.Set;

/** The roles a TierCare token carries in its {@code groups} claim. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String SUPERVISOR = "SUPERVISOR";
    /** Complaints desk. */
    public static final String AGENT = "AGENT";
    /** Sees only the customers assigned to them. */
    public static final String ACCOUNT_MANAGER = "ACCOUNT_MANAGER";
    /** Reads reports; sees personal data masked. */
    public static final String ANALYST = "ANALYST";
    /** Other internal systems. */
    public static final String INTEGRATION = "INTEGRATION";

    public static final String[] ALL = { ADMIN, SUPERVISOR, AGENT, ACCOUNT_MANAGER, ANALYST, INTEGRATION };

    private static final Set<String> SEE_ALL_CUSTOMERS = Set.of(ADMIN, SUPERVISOR, AGENT);

    private static final Set<String> UNMASKED = Set.of(ADMIN, SUPERVISOR, AGENT, ACCOUNT_MANAGER);

    /**
     * Whether a caller with these roles sees personal data masked: analysts and other systems do; people at the
     * desk, supervisors, administrators and account managers read it in full.
     */
    public static boolean seesMaskedData(Set<String> roles) {
        return roles.stream().noneMatch(UNMASKED::contains);
    }

    /**
     * The account manager whose customers alone this caller may see (the caller, when account manager is their only
     * customer-facing role), or empty when they may see every customer. Every service applies it the same way: a
     * customer outside the scope answers 404, as if it did not exist.
     */
    public static Optional<String> managerScope(String userId, Set<String> roles) {
        boolean seesAll = roles.stream().anyMatch(SEE_ALL_CUSTOMERS::contains);
        return !seesAll && roles.contains(ACCOUNT_MANAGER) ? Optional.of(userId)
                : Optional.empty();
    }

    private Roles() {
    }
}

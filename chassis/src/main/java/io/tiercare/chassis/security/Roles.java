package io.tiercare.chassis.security;

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

    private Roles() {
    }
}

package io.tiercare.care.domain;

/** Who does a care task. */
public enum Owner {
    /** The customer's account manager: the task is in their queue (unassigned while the customer has none). */
    ACCOUNT_MANAGER,
    /** The sales pool: any salesperson takes it; supervisors assign it. */
    SALES,
    /** Nobody: the outreach dispatcher sends it. */
    AUTOMATED
}

package io.tiercare.complaint.domain;

/** Where a complaint stands; it moves only through the actions of {@link Complaint}. */
public enum ComplaintStatus {
    FILED, ACKNOWLEDGED, PLAN_PROPOSED, WAITING_ON_CUSTOMER, RESOLVED, CLOSED, REOPENED
}

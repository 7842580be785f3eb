package io.tiercare.complaint.domain;

/** The three promises of the 1-24-48 rule: acknowledge, propose a plan, resolve. */
public enum MilestoneKind {
    ACKNOWLEDGE, PLAN, RESOLVE
}

package io.tiercare.complaint.domain;

/** How bad a complaint is; HIGH and CRITICAL count as severe (they hold a tier downgrade while open). */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}

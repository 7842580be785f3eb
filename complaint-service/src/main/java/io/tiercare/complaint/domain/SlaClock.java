package io.tiercare.complaint.domain;

/** How an SLA counts time: every hour of the day, or only working hours on working days. */
public enum SlaClock {
    CALENDAR, WORKING
}

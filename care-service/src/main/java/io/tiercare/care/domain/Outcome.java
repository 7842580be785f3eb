package io.tiercare.care.domain;

/** What came of a completed contact. */
public enum Outcome {
    REACHED,
    NO_ANSWER,
    DECLINED,
    /** The customer asked for another date: a follow-up may be booked. */
    RESCHEDULED
}

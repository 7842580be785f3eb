package io.tiercare.care.domain;

/** What a care task asks for. */
public enum TaskKind {
    /** On-site or video visit (CORE: 1 对 1 by a dedicated account manager). */
    VISIT,
    /** Phone or online contact. */
    CALL,
    /** Needs survey (需求调研). */
    SURVEY,
    /** A message: offers, usage guides, greetings. */
    MESSAGE,
    /** A gift or a service given (training seat, summit ticket). */
    GIFT
}

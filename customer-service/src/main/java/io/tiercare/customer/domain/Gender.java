package io.tiercare.customer.domain;

/** A person's gender, as they chose to give it. */
public enum Gender {
    MALE, FEMALE, UNDISCLOSED
}

package io.tiercare.customer.domain;

/** A live record, one merged into another, or one whose personal data was erased. */
public enum CustomerStatus {
    ACTIVE, MERGED, ERASED
}

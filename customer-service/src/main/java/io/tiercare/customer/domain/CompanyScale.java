package io.tiercare.customer.domain;

/** Size of an enterprise customer (企业规模). */
public enum CompanyScale {
    LARGE, MEDIUM, SMALL
}

package io.tiercare.care.domain;

/** How a care task reaches the customer. */
public enum CareChannel {
    IN_PERSON, VIDEO, PHONE, WECHAT, SMS, EMAIL, MAIL,
    /** The customer's preferred channel (customer.preferences-changed), or PHONE when they named none. */
    PREFERRED
}

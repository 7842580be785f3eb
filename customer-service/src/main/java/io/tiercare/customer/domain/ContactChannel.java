package io.tiercare.customer.domain;

/** A way to reach a customer; also the channels marketing consent is given for. */
public enum ContactChannel {
    SMS, EMAIL, PHONE, WECHAT
}

package io.tiercare.complaint.domain;

/** Where a complaint came in. */
public enum Channel {
    HOTLINE, ONLINE, WECHAT, WECOM, EMAIL, STORE, APP
}

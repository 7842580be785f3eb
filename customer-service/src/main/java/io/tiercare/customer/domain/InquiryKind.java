package io.tiercare.customer.domain;

/** An inquiry or consultation (咨询记录), or feedback (反馈). */
public enum InquiryKind {
    INQUIRY,
    FEEDBACK
}

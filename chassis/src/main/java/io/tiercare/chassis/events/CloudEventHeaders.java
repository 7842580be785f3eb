package io.tiercare.chassis.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Kafka header names of a CloudEvents 1.0 binary-mode message. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    /** The correlation id of the request or event at the origin: an extension attribute ({@code correlationid}). */
    public static final String CORRELATION_ID = "ce_correlationid";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** A header's value as UTF-8 text (the last one of that name), or null. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

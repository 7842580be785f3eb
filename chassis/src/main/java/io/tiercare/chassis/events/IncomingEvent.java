package io.tiercare.chassis.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tiercare.chassis.trace.EventTrace;
import io.tiercare.chassis.web.CorrelationId;

/**
 * A CloudEvent read from a Kafka record in binary mode: the attributes from the headers, the data still as JSON, and
 * its origin (the W3C trace headers and the {@code correlationid} extension) for the work that continues it. A
 * record with no value is a tombstone: {@code data} is null (see {@link #isTombstone}).
 */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, String data,
        String topic, int partition, long offset, EventTrace origin) {

    /** Reads the CloudEvents headers; a record that is not a valid CloudEvent is a poison message. */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new PoisonMessageException("not a CloudEvents 1.0 message (ce_specversion=" + specVersion + ")");
        }
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String source = required(record, CloudEventHeaders.SOURCE);
        String timeHeader = header(record, CloudEventHeaders.TIME);
        Instant time;
        try {
            time = timeHeader == null ? null : Instant.parse(timeHeader);
        } catch (DateTimeParseException e) {
            throw new PoisonMessageException("ce_time is not an RFC 3339 time: " + timeHeader);
        }
        if (record.value() != null && record.value().isBlank()) {
            throw new PoisonMessageException("the event has no data");
        }
        EventTrace origin = new EventTrace(header(record, EventTrace.TRACEPARENT),
                header(record, EventTrace.TRACESTATE), CorrelationId.acceptOrNull(
                        header(record, CloudEventHeaders.CORRELATION_ID)));
        return new IncomingEvent(id, type, source, header(record, CloudEventHeaders.SUBJECT), time, record.value(),
                record.topic(), record.partition(), record.offset(), origin);
    }

    /** Whether the record had no value: a compacted topic's tombstone for its key. */
    public boolean isTombstone() {
        return data == null;
    }

    /** As {@link #from(ConsumerRecord)}, for a record of a batch. */
    @SuppressWarnings("unchecked")
    public static IncomingEvent from(KafkaRecord<String, String> record) {
        return from((ConsumerRecord<String, String>) record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a record read from Kafka")).getRecord());
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.text(record.headers(), name);
    }
}

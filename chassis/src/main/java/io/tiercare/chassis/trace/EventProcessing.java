package io.tiercare.chassis.trace;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.chassis.web.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A consumer's work on an event continues the event's trace: a {@code process} span (OpenTelemetry messaging
 * conventions) whose parent is the producer's span named by the record's {@code traceparent}, current while the event
 * is applied, with the event's correlation id, trace id and span id in the log context.
 */
@ApplicationScoped
public class EventProcessing {

    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";
    private static final int MAX_CORRELATION_IDS = 8;

    private final Tracer tracer;

    EventProcessing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts processing {@code event}: its span is current and its ids are logged until the result is closed. */
    public Processing start(IncomingEvent event) {
        Span span = tracer.spanBuilder("process " + event.topic()).setSpanKind(SpanKind.CONSUMER)
                .setParent(event.origin().context())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(event.partition()))
                .setAttribute("messaging.kafka.offset", event.offset())
                .setAttribute("messaging.message.id", event.id())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
        String correlationId = event.origin().correlationId();
        return new Processing(span, span.makeCurrent(), LogContext.set(correlationId, span.getSpanContext()),
                EventTrace.of(Context.root().with(span), correlationId));
    }

    /**
     * The log context for work done for several events at once (a poll's common step): their correlation ids
     * (up to {@value #MAX_CORRELATION_IDS}, comma-separated), until closed.
     */
    public static LogContext logContext(Collection<IncomingEvent> events) {
        Set<String> ids = new LinkedHashSet<>();
        for (IncomingEvent event : events) {
            if (event.origin().correlationId() != null && ids.size() < MAX_CORRELATION_IDS) {
                ids.add(event.origin().correlationId());
            }
        }
        return LogContext.set(ids.isEmpty() ? null : ids.stream().collect(Collectors.joining(",")),
                SpanContext.getInvalid());
    }

    /** The processing of one event; {@link #failed} marks its span, {@link #close} ends it. */
    public static final class Processing implements AutoCloseable {
        private final Span span;
        private final Scope scope;
        private final LogContext log;
        private final EventTrace origin;

        Processing(Span span, Scope scope, LogContext log, EventTrace origin) {
            this.span = span;
            this.scope = scope;
            this.log = log;
            this.origin = origin;
        }

        /** The origin of the events this processing causes: its span and the event's correlation id. */
        public EventTrace origin() {
            return origin;
        }

        public void failed(Throwable failure) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }

        @Override
        public void close() {
            log.close();
            scope.close();
            span.end();
        }
    }

    /** Ids put into the log context; closing restores what was there before. */
    public record LogContext(Object correlationId, Object traceId, Object spanId) implements AutoCloseable {

        static LogContext set(String correlationId, SpanContext span) {
            LogContext previous = new LogContext(MDC.get(CorrelationId.MDC_KEY), MDC.get(TRACE_ID), MDC.get(SPAN_ID));
            put(CorrelationId.MDC_KEY, correlationId);
            put(TRACE_ID, span.isValid() ? span.getTraceId() : null);
            put(SPAN_ID, span.isValid() ? span.getSpanId() : null);
            return previous;
        }

        @Override
        public void close() {
            put(CorrelationId.MDC_KEY, correlationId);
            put(TRACE_ID, traceId);
            put(SPAN_ID, spanId);
        }

        private static void put(String key, Object value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }
}

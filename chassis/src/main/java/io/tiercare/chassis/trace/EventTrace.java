package io.tiercare.chassis.trace;

import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.tiercare.chassis.web.CorrelationId;

/**
 * Where an event comes from, in the terms tracing uses: the W3C {@code traceparent} (and {@code tracestate}) of the
 * span that caused it, and the correlation id of the request or event at its origin. Captured when the event is
 * created, stored with its outbox row and sent with it, so a consumer continues the same trace.
 *
 * <p>Work that handles several customers at once on one thread (a poll of events, a group commit) binds each
 * customer's origin with {@link #bind}; an event created for that customer then takes it rather than the thread's.
 */
public record EventTrace(String traceparent, String tracestate, String correlationId) {

    public static final EventTrace NONE = new EventTrace(null, null, null);
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final ThreadLocal<Map<String, EventTrace>> BOUND = new ThreadLocal<>();

    /** The current span and correlation id of this thread (none outside a request or an event being handled). */
    public static EventTrace current() {
        return of(Context.current(), MDC.get(CorrelationId.MDC_KEY) instanceof String id ? id : null);
    }

    /** The origin bound to {@code subject} on this thread, otherwise the thread's current one. */
    public static EventTrace of(String subject) {
        Map<String, EventTrace> bound = BOUND.get();
        EventTrace trace = bound == null ? null : bound.get(subject);
        return trace != null ? trace : current();
    }

    /** The span of {@code context} as W3C headers, with {@code correlationId}. */
    public static EventTrace of(Context context, String correlationId) {
        Map<String, String> headers = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(context, headers, MapSetter.INSTANCE);
        return new EventTrace(headers.get(TRACEPARENT), headers.get(TRACESTATE), correlationId);
    }

    /**
     * Binds each subject's origin on this thread until the returned binding is closed (bindings do not nest: the
     * inner one replaces the outer one until it closes).
     */
    public static Binding bind(Map<String, EventTrace> bySubject) {
        Map<String, EventTrace> previous = BOUND.get();
        BOUND.set(bySubject);
        return () -> BOUND.set(previous);
    }

    /** The remote span this origin names, as a parent for the work that continues it ({@code root} without one). */
    public Context context() {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> headers = new HashMap<>(2);
        headers.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            headers.put(TRACESTATE, tracestate);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MapGetter.INSTANCE);
    }

    /** The trace id, or null when there is no valid trace. */
    public String traceId() {
        SpanContext span = Span.fromContext(context()).getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /** Ends a {@link #bind binding}. */
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    private enum MapSetter implements TextMapSetter<Map<String, String>> {
        INSTANCE;

        @Override
        public void set(Map<String, String> carrier, String key, String value) {
            carrier.put(key, value);
        }
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}

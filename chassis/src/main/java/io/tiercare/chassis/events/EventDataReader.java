package io.tiercare.chassis.events;

import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Reads an event's data into the consumer's own record type. Consumers are tolerant readers: fields they don't know
 * are ignored (producers may add fields within a version), but what they need must be present and valid.
 */
@ApplicationScoped
public class EventDataReader {

    private final ObjectMapper mapper;
    private final Validator validator;

    EventDataReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T read(IncomingEvent event, Class<T> type) {
        ObjectReader reader = mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        if (event.isTombstone()) {
            throw new PoisonMessageException("the " + event.type() + " event has no data (a tombstone)");
        }
        T data;
        try {
            data = reader.readValue(event.data());
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("unreadable " + event.type() + " data: " + e.getOriginalMessage(), e);
        }
        if (data == null) {
            throw new PoisonMessageException("the " + event.type() + " event has null data");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonMessageException("invalid " + event.type() + " data: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return data;
    }
}

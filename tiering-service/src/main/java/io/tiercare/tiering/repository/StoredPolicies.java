package io.tiercare.tiering.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiercare.tiering.domain.PolicyDefinition;

/**
 * Reads and writes policies as they are stored. Reading is tolerant where the API is strict: a version stored before
 * a field was removed from the policy model keeps its other fields readable (the unknown one is ignored), so the
 * history of a scheme never becomes unreadable. What a client sends is still read by the application's strict mapper.
 */
public final class StoredPolicies {

    private final ObjectMapper reader;
    private final ObjectMapper writer;

    public StoredPolicies(ObjectMapper strict) {
        this.writer = strict;
        this.reader = strict.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public PolicyDefinition read(String json) {
        try {
            return reader.readValue(json, PolicyDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored policy is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    public String write(PolicyDefinition policy) {
        try {
            return writer.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.tiercare.customer.rest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.customer.domain.CompanyScale;
import io.tiercare.customer.domain.Gender;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a JSON merge patch of a customer record: only the named fields change, {@code null} clears one. Fields that
 * are not editable this way (id, type, status, version, account manager, preferences) are refused by name.
 */
@ApplicationScoped
public class CustomerPatchReader {

    private final Map<String, JavaType> editable = new LinkedHashMap<>();
    private final Map<String, String> expected = Map.ofEntries(
            Map.entry("gender", "one of MALE, FEMALE, UNDISCLOSED"),
            Map.entry("birthday", "a date like 1988-05-20"),
            Map.entry("companyScale", "one of LARGE, MEDIUM, SMALL"),
            Map.entry("tags", "an array of strings"),
            Map.entry("referredBy", "a customer id (UUID)"),
            Map.entry("usesCompetitor", "true or false"));
    private final ObjectMapper mapper;

    CustomerPatchReader(ObjectMapper mapper) {
        this.mapper = mapper;
        for (String text : List.of("name", "mobilePhone", "email", "province", "city", "address", "industry",
                "sourceChannel")) {
            editable.put(text, mapper.constructType(String.class));
        }
        editable.put("gender", mapper.constructType(Gender.class));
        editable.put("birthday", mapper.constructType(LocalDate.class));
        editable.put("companyScale", mapper.constructType(CompanyScale.class));
        editable.put("tags", mapper.getTypeFactory().constructType(new TypeReference<List<String>>() {
        }));
        editable.put("referredBy", mapper.constructType(UUID.class));
        editable.put("usesCompetitor", mapper.constructType(Boolean.class));
    }

    public Map<String, Object> read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object of the fields to change");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        var fields = body.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JavaType type = editable.get(field.getKey());
            if (type == null) {
                throw new InvalidInputException(field.getKey(), "is not a known property or cannot be changed here");
            }
            changes.put(field.getKey(), field.getValue().isNull() ? null : convert(field.getKey(), field.getValue(), type));
        }
        if (changes.isEmpty()) {
            throw new InvalidInputException("body", "names no field to change");
        }
        return changes;
    }

    private Object convert(String field, JsonNode value, JavaType type) {
        if (type.getRawClass() == String.class && !value.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        try {
            return mapper.readerFor(type).readValue(value);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be " + expected.getOrDefault(field, "a valid value"));
        }
    }
}

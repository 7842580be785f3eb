package io.tiercare.chassis.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import io.tiercare.chassis.json.StrictJsonCustomizer;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads path, query and header parameters so that a malformed value is a 400 naming the parameter,
 * where JAX-RS would answer a bare 404.
 */
@Provider
public class StrictParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Strict<>(name, UUID::fromString, "must be a UUID");
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) new Strict<>(name, Integer::valueOf, "must be a whole number");
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) new Strict<>(name, Long::valueOf, "must be a whole number");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Strict<>(name, value -> storable(LocalDate.parse(value),
                    LocalDate::getYear), "must be a date like 2026-03-31, in the years " + YEARS);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Strict<>(name, value -> storable(Instant.parse(value),
                    t -> t.atOffset(ZoneOffset.UTC).getYear()), "must be a UTC time like 2026-03-31T08:00:00Z, in "
                            + "the years " + YEARS);
        }
        if (rawType.isEnum()) {
            String allowed = Arrays.stream(rawType.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return new Strict(name, value -> Enum.valueOf((Class) rawType, (String) value), "must be one of " + allowed);
        }
        return null;
    }

    private static final String YEARS = StrictJsonCustomizer.FIRST_YEAR + "–" + StrictJsonCustomizer.LAST_YEAR;

    /** The value when its year is one the suite stores, else the same refusal as a malformed one. */
    private static <T> T storable(T value, ToIntFunction<T> year) {
        if (!StrictJsonCustomizer.storableYear(year.applyAsInt(value))) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return "parameter";
    }

    private record Strict<T>(String name, Function<String, T> parse, String expectation) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidParameterException(name, expectation);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}

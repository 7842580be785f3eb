package io.tiercare.chassis.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Strict request bodies: unknown properties, a key given twice, a number where text is expected (or the reverse), a
 * fraction where a whole number is expected and nulls for primitives are refused rather than silently coerced or
 * overwritten; what the database cannot store faithfully is refused naming its field, wherever it sits in a body or
 * an event — text with the NUL character or an unpaired surrogate (stored as '?'), a number too large to be finite
 * (1e400), a date or time outside the years 1–9999.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    /** Last, after Quarkus has registered the JSR-310 module, whose date readers these wrap. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
        // a number or boolean where text is expected; whole numbers stay fine for decimal fields
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        SimpleModule strict = new SimpleModule("tiercare-strict-values");
        strict.addDeserializer(String.class, new StorableText());
        strict.addDeserializer(Double.class, new FiniteDouble(Double.class, null));
        strict.addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, 0.0d));
        strict.addDeserializer(Instant.class, new StorableTime<>(Instant.class, InstantDeserializer.INSTANT,
                t -> t.atOffset(ZoneOffset.UTC).getYear()));
        strict.addDeserializer(OffsetDateTime.class, new StorableTime<>(OffsetDateTime.class,
                InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime::getYear));
        strict.addDeserializer(LocalDate.class, new StorableTime<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                LocalDate::getYear));
        strict.addDeserializer(LocalDateTime.class, new StorableTime<>(LocalDateTime.class,
                LocalDateTimeDeserializer.INSTANCE, LocalDateTime::getYear));
        mapper.registerModule(strict);
    }

    /** The years a date or time may fall in: what every column type and every reader of the suite handles. */
    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;

    /** Whether {@code year} is one a stored date may have. */
    public static boolean storableYear(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** Whether {@code text} holds only what PostgreSQL stores faithfully: no NUL, no unpaired surrogate. */
    public static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (it holds an unpaired surrogate)";
            }
        }
        return null;
    }

    /**
     * A value the database cannot store faithfully: refused naming its field ({@code ProblemMappers} gives this
     * message).
     */
    public static final class UnstorableText extends InvalidFormatException {

        private static final long serialVersionUID = 1L;

        UnstorableText(JsonParser parser, String message, Object value, Class<?> type) {
            super(parser, message, value, type);
        }
    }

    /** Text as Jackson reads it, refused when it holds U+0000 or an unpaired surrogate. */
    static final class StorableText extends StdScalarDeserializer<String> {

        StorableText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String problem = text == null ? null : unstorable(text);
            if (problem != null) {
                throw new UnstorableText(parser, problem, text, String.class);
            }
            return text;
        }
    }

    /** A floating-point number, refused when too large to be finite. */
    static final class FiniteDouble extends StdScalarDeserializer<Double> {

        private static final long serialVersionUID = 1L;
        private final NumberDeserializers.DoubleDeserializer delegate;

        FiniteDouble(Class<Double> type, Double whenNull) {
            super(type);
            this.delegate = new NumberDeserializers.DoubleDeserializer(type, whenNull);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Double value = delegate.deserialize(parser, context);
            if (value != null && !Double.isFinite(value)) {
                throw new UnstorableText(parser, "must be a finite number", parser.getText(), Double.class);
            }
            return value;
        }

        @Override
        public Double getNullValue(DeserializationContext context) throws JsonMappingException {
            return (Double) delegate.getNullValue(context);
        }
    }

    /** A date or time as Jackson's JSR-310 module reads it, refused outside the years 1–9999. */
    static final class StorableTime<T> extends StdScalarDeserializer<T> {

        private static final long serialVersionUID = 1L;
        private final transient com.fasterxml.jackson.databind.JsonDeserializer<? extends T> delegate;
        private final transient ToIntFunction<T> year;

        StorableTime(Class<T> type, com.fasterxml.jackson.databind.JsonDeserializer<? extends T> delegate,
                ToIntFunction<T> year) {
            super(type);
            this.delegate = delegate;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = delegate.deserialize(parser, context);
            if (value != null && !storableYear(year.applyAsInt(value))) {
                throw new UnstorableText(parser, "must fall in the years " + FIRST_YEAR + "–" + LAST_YEAR,
                        parser.getText(), handledType());
            }
            return value;
        }
    }
}

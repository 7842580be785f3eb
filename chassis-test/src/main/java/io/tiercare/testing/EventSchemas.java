package io.tiercare.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates event data against the producer's JSON Schema, as published in {@code events/<type>.schema.json}: on the
 * service's classpath under {@code META-INF/resources/} (so the service serves it next to its AsyncAPI document) or at
 * the root. Tests prove with it that every event a service emits keeps its contract.
 */
public final class EventSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private EventSchemas() {
    }

    /** The schema's complaints about the JSON document; empty when it conforms. */
    public static List<String> violations(String eventType, String json) {
        try (InputStream schemaStream = resource("events/" + eventType + ".schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schemaStream, CONFIG);
            return schema.validate(MAPPER.readTree(json)).stream().map(ValidationMessage::getMessage).sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot validate against the schema of " + eventType, e);
        }
    }

    /**
     * Asserts that each published record keeps the contract: its data matches the schema of its {@code ce_type}, it
     * comes from {@code source}, names its schema in {@code ce_dataschema}, and its subject is its key.
     */
    public static void assertConform(List<ConsumerRecord<String, String>> records,
            String source) {
        for (ConsumerRecord<String, String> event : records) {
            String type = TestKafka.header(event, "ce_type");
            assertThat(violations(type, event.value()))
                    .as("%s %s", type, event.value()).isEmpty();
            assertThat(TestKafka.header(event, "ce_source")).isEqualTo(source);
            assertThat(TestKafka.header(event, "ce_dataschema"))
                    .isEqualTo("urn:tiercare:schema:" + type);
            assertThat(TestKafka.header(event, "ce_subject")).isEqualTo(event.key());
        }
    }

    /** The example document published next to the schema. */
    public static String example(String eventType) {
        try (InputStream example = resource("events/" + eventType + ".example.json")) {
            return new String(example.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream stream = loader.getResourceAsStream("META-INF/resources/" + path);
        if (stream == null) {
            stream = loader.getResourceAsStream(path);
        }
        if (stream == null) {
            throw new IllegalStateException("no " + path + " on the classpath");
        }
        return stream;
    }
}

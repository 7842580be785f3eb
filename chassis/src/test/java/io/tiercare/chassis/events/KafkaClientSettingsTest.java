package io.tiercare.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    @Test
    void shouldGiveTheRelayAndReadinessCheckTheConnectorsBrokerAndSecuritySettingsOnly() {
        Map<String, Object> connector = Map.of(
                "bootstrap.servers", "kafka-0.kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/ca.p12",
                "ssl.truststore.type", "PKCS12",
                "group.id", "tiering-service",
                "auto.offset.reset", "earliest",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");

        assertThat(KafkaClientSettings.connection(connector)).containsOnlyKeys("bootstrap.servers",
                "security.protocol", "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location",
                "ssl.truststore.type");
    }
}

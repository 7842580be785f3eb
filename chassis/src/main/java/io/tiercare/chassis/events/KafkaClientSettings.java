package io.tiercare.chassis.events;

import java.util.HashMap;
import java.util.Map;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How to reach the broker, from the same {@code kafka.*} configuration the messaging connector uses: the bootstrap
 * servers and every security setting (SASL, TLS), so the clients the chassis builds itself (the outbox relay's
 * producer, the readiness check's admin client) connect to a secured cluster exactly as the consumers do.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private static final String[] CONNECTION_KEYS = {"bootstrap.servers", "security.protocol", "client.dns.lookup",
            "connections.max.idle.ms", "reconnect.backoff.ms", "reconnect.backoff.max.ms"};
    private static final String[] CONNECTION_PREFIXES = {"sasl.", "ssl."};

    private final Map<String, Object> connection;

    KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.connection = connection(kafka);
    }

    /** The settings every client needs to connect, to which the caller adds its own. */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.putAll(own);
        return settings;
    }

    /** The bootstrap servers, for readiness details. */
    public String bootstrapServers() {
        return String.valueOf(connection.get("bootstrap.servers"));
    }

    static Map<String, Object> connection(Map<String, Object> kafka) {
        Map<String, Object> connection = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (isConnectionSetting(key)) {
                connection.put(key, value);
            }
        });
        return connection;
    }

    private static boolean isConnectionSetting(String key) {
        for (String name : CONNECTION_KEYS) {
            if (name.equals(key)) {
                return true;
            }
        }
        for (String prefix : CONNECTION_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

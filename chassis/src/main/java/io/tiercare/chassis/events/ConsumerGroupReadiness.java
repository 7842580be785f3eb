package io.tiercare.chassis.events;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Readiness of the service's Kafka consumers: ready once every incoming Kafka channel has joined its consumer group
 * (its first assignment arrived, empty when other instances hold every partition). A restarted instance is not
 * ready while its consumers still wait to join; the detail shows how many partitions this instance reads.
 * <p>
 * The rebalance listener of every channel (the chassis names it for the connector): a bean that only records
 * assignments, so committing and pausing stay the connector's own.
 */
@Readiness
@Identifier(ConsumerGroupReadiness.NAME)
@ApplicationScoped
public class ConsumerGroupReadiness implements HealthCheck, KafkaConsumerRebalanceListener {

    public static final String NAME = "tiercare-consumer-group";

    private final int channels;
    private final Map<Consumer<?, ?>, Integer> assigned = new IdentityHashMap<>();

    ConsumerGroupReadiness(Config config) {
        this.channels = kafkaChannels(config);
    }

    @Override
    public synchronized void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.merge(consumer, partitions.size(), Integer::sum);
    }

    @Override
    public synchronized void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.computeIfPresent(consumer, (c, count) -> Math.max(0, count - partitions.size()));
    }

    @Override
    public synchronized void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }

    @Override
    public synchronized HealthCheckResponse call() {
        int partitions = assigned.values().stream().mapToInt(Integer::intValue).sum();
        return HealthCheckResponse.named("kafka-consumers").status(assigned.size() >= channels)
                .withData("channels", channels).withData("joined", assigned.size())
                .withData("partitions", partitions).build();
    }

    /** The enabled incoming channels served by the Kafka connector. */
    static int kafkaChannels(Config config) {
        return (int) StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("mp.messaging.incoming.") && name.endsWith(".connector"))
                .filter(name -> "smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse("")))
                .map(name -> name.substring(0, name.length() - "connector".length()) + "enabled")
                .filter(enabled -> config.getOptionalValue(enabled, Boolean.class).orElse(true))
                .count();
    }
}

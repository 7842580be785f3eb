package io.tiercare.chassis.job;

/**
 * A kind of bulk job: its name (stored with each job, unique within the service), the topic its chunk messages travel
 * on (consumed by the service's replicas in one group) and the CloudEvents type of those messages.
 */
public record JobKind(String name, String topic, String messageType) {
}

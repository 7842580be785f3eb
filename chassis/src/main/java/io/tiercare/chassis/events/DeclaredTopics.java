package io.tiercare.chassis.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The topics a service owns whose settings matter to its guarantees (a compacted topic, say), declared in its
 * configuration: {@code tiercare.kafka.topics."<name>".partitions} and {@code ...config."<setting>"}. A missing one is
 * created, and an existing one (created earlier by the broker when a client first used it) gets the declared
 * settings, tried every few seconds from the start until every declared setting holds; the service is ready only
 * then. Where a platform manages topics
 * itself (Strimzi's {@code KafkaTopic}), the same settings are declared there and this finds nothing to change.
 */
@ApplicationScoped
public class DeclaredTopics {

    private static final Logger LOG = Logger.getLogger(DeclaredTopics.class);
    private static final int TIMEOUT_MS = 5000;

    @ConfigMapping(prefix = "tiercare.kafka")
    public interface TopicsConfig {

        /** By topic name. */
        Map<String, Topic> topics();

        /** How often the declared settings are tried again until they hold. */
        @WithDefault("5s")
        java.time.Duration topicsCheckEvery();

        interface Topic {
            /** Partitions when the topic is created (an existing topic keeps its own). */
            @WithDefault("3")
            int partitions();

            /** Topic-level settings, e.g. {@code cleanup.policy}. */
            Map<String, String> config();
        }
    }

    private final KafkaClientSettings settings;
    private final Map<String, TopicsConfig.Topic> topics;
    private volatile boolean declared;
    private volatile String problem = "not yet checked";

    DeclaredTopics(KafkaClientSettings settings, TopicsConfig config) {
        this.settings = settings;
        this.topics = config.topics();
        this.declared = topics.isEmpty();
    }

    @Scheduled(every = "${tiercare.kafka.topics-check-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!declared) {
            declare();
        }
    }

    /** Creates or updates the declared topics; whether every declared setting now holds. */
    public synchronized boolean declare() {
        if (declared) {
            return true;
        }
        try (Admin admin = Admin.create(settings.with(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "declared-topics",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS)))) {
            create(admin);
            align(admin);
            declared = true;
            problem = null;
            LOG.infof("Kafka topics declared: %s", topics.keySet());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.debugf("Declaring the Kafka topics failed, trying again: %s", problem);
        }
        return declared;
    }

    private void create(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<NewTopic> missing = new ArrayList<>();
        topics.forEach((name, topic) -> {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, Optional.of(topic.partitions()), Optional.empty())
                        .configs(topic.config()));
            }
        });
        for (var result : admin.createTopics(missing).values().values()) {
            try {
                result.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e; // created meanwhile by a client or another replica: aligned below
                }
            }
        }
    }

    private void align(Admin admin) throws Exception {
        List<ConfigResource> resources = topics.keySet().stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> current = admin.describeConfigs(resources).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        current.forEach((resource, config) -> {
            List<AlterConfigOp> ops = topics.get(resource.name()).config().entrySet().stream()
                    .filter(e -> config.get(e.getKey()) == null
                            || !e.getValue().equals(config.get(e.getKey()).value()))
                    .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                    .toList();
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
            }
        });
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            LOG.infof("Kafka topic settings changed to the declared ones: %s", changes);
        }
    }

    /** Why the declared settings do not hold yet; null once they do. */
    public String problem() {
        return declared ? null : problem;
    }

    /** How many topics are declared. */
    public int count() {
        return topics.size();
    }

    /** Ready once every declared setting holds. */
    @Readiness
    @ApplicationScoped
    static class Check implements HealthCheck {

        private final DeclaredTopics topics;

        Check(DeclaredTopics topics) {
            this.topics = topics;
        }

        @Override
        public HealthCheckResponse call() {
            String problem = topics.problem();
            if (problem == null) {
                return HealthCheckResponse.named("kafka-topics").up().withData("declared", topics.count()).build();
            }
            return HealthCheckResponse.named("kafka-topics").down().withData("error", problem).build();
        }
    }
}

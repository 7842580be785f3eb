package io.tiercare.chassis.deadletter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The dead-letter count in readiness (a detail: dead letters do not make the service unready) and as the gauge
 * {@code tiercare_dead_letters}, counted every {@value #EVERY_SECONDS} seconds; -1 while the broker cannot say.
 */
@Readiness
@ApplicationScoped
public class DeadLetterHealthCheck implements HealthCheck {

    static final int EVERY_SECONDS = 30;

    private final DeadLetters deadLetters;
    private final AtomicLong count = new AtomicLong(-1);

    DeadLetterHealthCheck(DeadLetters deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        Gauge.builder("tiercare.dead.letters", count, AtomicLong::get)
                .description("Records on this service's dead-letter topic (-1: unknown)").register(registry);
    }

    @Scheduled(every = EVERY_SECONDS + "s", delay = 5, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            count.set(deadLetters.count());
        } catch (RuntimeException e) {
            count.set(-1);
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dead-letters").up().withData("topic", deadLetters.topic())
                .withData("count", count.get()).withData("countedEvery", Duration.ofSeconds(EVERY_SECONDS)
                        .toString()).build();
    }
}

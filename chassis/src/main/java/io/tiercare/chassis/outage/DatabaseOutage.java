package io.tiercare.chassis.outage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What this instance knows of the database's availability. A failure of the database is logged once when the
 * outage begins and once when it ends (not a stack trace per request or record); meanwhile requests are answered
 * 503 and consumers wait ({@link #outlast}). While it lasts, a probe checks every second whether it is over.
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private final AgroalDataSource dataSource;
    private final AtomicBoolean down = new AtomicBoolean();
    private final Counter waits;
    private final Object signal = new Object();
    private volatile long since;
    private volatile boolean stopping;

    DatabaseOutage(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("tiercare.database.unavailable", this, outage -> outage.isDown() ? 1 : 0)
                .description("1 while this instance finds the database unavailable").register(registry);
        this.waits = Counter.builder("tiercare.database.waits")
                .description("Times work waited for the database instead of failing").register(registry);
    }

    /** How many times work has waited for the database so far. */
    public double waits() {
        return waits.count();
    }

    /** Whether the last word on the database was a failure. */
    public boolean isDown() {
        return down.get();
    }

    /** Records that the database failed us; the first failure of an outage is logged, the others are not. */
    public void failed(Throwable failure) {
        if (down.compareAndSet(false, true)) {
            since = System.nanoTime();
            LOG.warnf("The database is unavailable (%s): requests are answered 503 and consumers wait for it",
                    InfrastructureFailure.summary(failure));
        }
    }

    /** Records that the database answered. */
    public void answered() {
        if (down.compareAndSet(true, false)) {
            LOG.infof("The database is available again after %d s", TimeUnit.NANOSECONDS.toSeconds(
                    System.nanoTime() - since));
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    /**
     * Runs {@code work} until it completes or fails on its own: a failure of the infrastructure is waited out
     * (0.2 s, doubling up to 5 s, and at once when the probe finds the database back) and the work tried again, for
     * as long as the outage lasts. Throws {@link ShuttingDown} when the application stops meanwhile.
     */
    public <T> T outlast(Supplier<T> work) {
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                T result = work.get();
                answered();
                return result;
            } catch (RuntimeException failure) {
                if (!InfrastructureFailure.isInfrastructure(failure)) {
                    throw failure;
                }
                failed(failure);
                waits.increment();
                pause(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    private void pause(Duration wait) {
        synchronized (signal) {
            if (stopping) {
                throw new ShuttingDown();
            }
            try {
                signal.wait(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShuttingDown();
            }
            if (stopping) {
                throw new ShuttingDown();
            }
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        if (!down.get()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                answered();
            }
        } catch (SQLException stillDown) {
            LOG.debugf("The database is still unavailable: %s", InfrastructureFailure.summary(stillDown));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (signal) {
            stopping = true;
            signal.notifyAll();
        }
    }

    /** The application stops while work waits for the database: the work is left undone, to be done on restart. */
    public static final class ShuttingDown extends RuntimeException {
        ShuttingDown() {
            super("the application is stopping while waiting for the database", null, false, false);
        }
    }
}

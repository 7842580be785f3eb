package io.tiercare.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built jars of the suite, started by {@code deploy/local/stack} as a developer starts them, on ports of their
 * own (so neither the local stack nor the modules' test infrastructure is touched), with a PostgreSQL and a Kafka
 * broker of their own, wiped before and after: every system test begins from empty topics and tables.
 * <p>
 * The script never builds here ({@code TIERCARE_BUILD=never}): the reactor has packaged every service before this
 * module runs, and a stale jar fails the test instead of starting a nested build.
 */
final class Suite implements AutoCloseable {

    static final int PG_PORT = 26432;
    static final int KAFKA_PORT = 27092;
    static final int SMTP_PORT = 27525;
    private static final Map<String, Integer> PORTS = Map.of("api-gateway", 28080, "customer-service", 28081,
            "tiering-service", 28082, "care-service", 28083, "complaint-service", 28084);

    private final Path root = Path.of("..").toAbsolutePath().normalize();
    private final Path dataDir = Path.of("target", "stack").toAbsolutePath();
    private final Path scriptLog = Path.of("target", "stack-script.log").toAbsolutePath();

    private final Map<String, String> extraEnv;

    private Suite(Map<String, String> extraEnv) {
        this.extraEnv = extraEnv;
    }

    /** PostgreSQL, Kafka and the services named, each ready (its consumers in their groups). */
    static Suite up(String... services) {
        return up(Map.of(), services);
    }

    /**
     * As {@link #up(String...)}, with more environment for the stack script: JVM options for one service, say
     * ({@code TIERCARE_API_GATEWAY_JAVA_OPTS}).
     */
    static Suite up(Map<String, String> env, String... services) {
        Suite suite = new Suite(env);
        suite.stack("reset", "--yes");
        List<String> args = new ArrayList<>(List.of("up"));
        args.addAll(List.of(services));
        suite.stack(args.toArray(String[]::new));
        return suite;
    }

    /** The public port of a service's first instance. */
    static int port(String service) {
        return PORTS.get(service);
    }

    /** The base URL of a service's first instance, or of a replica on its own port. */
    static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface (/q/*) of the instance on that public port. */
    static String management(int port) {
        return "http://127.0.0.1:" + (port + 1000);
    }

    /** One more instance of a running service on {@code port}, ready when this returns. */
    void replica(String service, int port) {
        stack("replica", service, String.valueOf(port));
    }

    /** {@code kill -9} of an instance: {@code service} or {@code service@port}. */
    void kill(String instance) {
        stack("kill", instance);
    }

    /** Starts the services named that are not running (a killed instance, say), each ready when this returns. */
    void start(String... services) {
        List<String> args = new ArrayList<>(List.of("up"));
        args.addAll(List.of(services));
        stack(args.toArray(String[]::new));
    }

    /** SIGSTOP: the instance keeps its connections and answers nothing. */
    void pause(String instance) {
        stack("pause", instance);
    }

    /** SIGCONT after {@link #pause}. */
    void resume(String instance) {
        stack("resume", instance);
    }

    /** A bearer token signed with the suite's key, for a user of their own. */
    String token(String role, String user) {
        return stack("token", "--role", role, "--user", user).strip();
    }

    /** A bearer token signed with the suite's key. */
    String token(String role) {
        return stack("token", "--role", role).strip();
    }

    /** Stops everything and wipes the suite's data (its logs stay in target/stack-logs). */
    @Override
    public void close() {
        try {
            Path logs = dataDir.resolve("logs");
            if (Files.isDirectory(logs)) {
                Path kept = Path.of("target", "stack-logs");
                Files.createDirectories(kept);
                try (var files = Files.list(logs)) {
                    for (Path log : files.toList()) {
                        Files.copy(log, kept.resolve(log.getFileName()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            // the logs are a convenience; stopping matters more
        }
        stack("reset", "--yes");
    }

    private String stack(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("deploy/local/stack").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("TIERCARE_DATA_DIR", dataDir.toString());
        env.put("TIERCARE_PG_PORT", String.valueOf(PG_PORT));
        env.put("TIERCARE_KAFKA_PORT", String.valueOf(KAFKA_PORT));
        env.put("TIERCARE_SMTP_PORT", String.valueOf(SMTP_PORT));
        env.put("TIERCARE_GATEWAY_PORT", String.valueOf(PORTS.get("api-gateway")));
        env.put("TIERCARE_CUSTOMER_PORT", String.valueOf(PORTS.get("customer-service")));
        env.put("TIERCARE_TIERING_PORT", String.valueOf(PORTS.get("tiering-service")));
        env.put("TIERCARE_CARE_PORT", String.valueOf(PORTS.get("care-service")));
        env.put("TIERCARE_COMPLAINT_PORT", String.valueOf(PORTS.get("complaint-service")));
        env.put("TIERCARE_BUILD", "never");
        env.putAll(extraEnv);
        // the personal-data topic compacted within seconds, so a test can watch an erasure leave the log
        env.put("TIERCARE_CUSTOMER_JAVA_OPTS", String.join(" ",
                "-Dtiercare.kafka.topics.\"customer.personal-data\".config.\"segment.ms\"=1000",
                "-Dtiercare.kafka.topics.\"customer.personal-data\".config.\"max.compaction.lag.ms\"=1000",
                "-Dtiercare.kafka.topics.\"customer.personal-data\".config.\"min.cleanable.dirty.ratio\"=0.01",
                "-Dtiercare.outbox.tombstone-repeat-after=2s", "-Dtiercare.outbox.tombstone-check-every=1s"));
        try {
            Files.createDirectories(scriptLog.getParent());
            Path err = Files.createTempFile("stack", ".err");
            builder.redirectError(err.toFile());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("stack " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            String errors = Files.readString(err);
            Files.delete(err);
            Files.writeString(scriptLog, "$ stack " + String.join(" ", args) + "\n" + errors + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("stack " + String.join(" ", args) + " failed (" + process.exitValue()
                        + "): " + errors);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("could not run the stack script", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package io.tiercare.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL, a real Kafka broker and a real SMTP server. It reuses the instances
 * already listening on the test ports (CI starts them once with {@code deploy/local/test-infra up}); otherwise it
 * starts them with the same script and stops them when the test JVM exits, also when the build is interrupted. Each
 * test JVM gets a database of its own, a fresh consumer group and the public key of {@link TestTokens}.
 */
public class TierCareTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final int PG_PORT = port("TIERCARE_TEST_PG_PORT", 25432);
    public static final int KAFKA_PORT = port("TIERCARE_TEST_KAFKA_PORT", 29092);
    public static final int SMTP_PORT = port("TIERCARE_TEST_SMTP_PORT", 22525);
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/postgres";

    private static boolean startedByThisJvm;
    private String database;

    @Override
    public Map<String, String> start() {
        ensureRunning();
        database = "tiercare_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(ADMIN_URL, "create database " + database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "");
        config.put("kafka.bootstrap.servers", kafkaBootstrap());
        config.put("mp.messaging.connector.smallrye-kafka.group.id", "test-" + database);
        config.put("mp.jwt.verify.publickey", TestTokens.publicKey());
        config.put("tiercare.outbox.poll-interval", "200ms");
        config.put("tiercare.outbox.initial-backoff", "200ms");
        config.put("tiercare.outbox.max-backoff", "1s");
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            execute(ADMIN_URL, "drop database if exists " + database + " with (force)");
        }
    }

    public static String kafkaBootstrap() {
        return "127.0.0.1:" + KAFKA_PORT;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/" + database;
    }

    /** Stops the test broker (to show what happens while Kafka is down); {@link #startKafka()} brings it back. */
    public static void stopKafka() {
        script("kafka-stop");
    }

    public static void startKafka() {
        script("kafka-start");
    }

    /** Freezes the test broker ({@code kill -STOP}): it keeps its connections and answers nothing. */
    public static void pauseKafka() {
        script("kafka-pause");
    }

    public static void resumeKafka() {
        script("kafka-resume");
    }

    /** Kills the test PostgreSQL as a crash would ({@code kill -9}); {@link #startPostgres()} brings it back. */
    public static void killPostgres() {
        script("pg-kill");
    }

    public static void startPostgres() {
        script("pg-start");
    }

    /** Where the test SMTP server keeps what it receives (one JSON file per message; {@link TestMail} reads them). */
    public static Path mailDirectory() {
        String dir = System.getenv("TIERCARE_TEST_INFRA_DIR");
        if (dir == null || dir.isBlank()) {
            try {
                dir = "/tmp/tiercare-test-infra-" + Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            } catch (IOException | UnsupportedOperationException e) {
                throw new IllegalStateException("cannot tell the test infrastructure's directory", e);
            }
        }
        return Path.of(dir, "smtp", "mail");
    }

    static synchronized void ensureRunning() {
        boolean databaseAndBroker = listening(PG_PORT) && listening(KAFKA_PORT);
        if (databaseAndBroker && listening(SMTP_PORT)) {
            return;
        }
        if (!databaseAndBroker && !startedByThisJvm) {
            startedByThisJvm = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> script("down"), "tiercare-test-infra-down"));
        }
        script("up");
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs deploy/local/test-infra; its output goes to a file, never to the test JVM's own stdout. */
    private static void script(String command) {
        Path root = projectRoot();
        Path log = root.resolve("target").resolve("test-infra.log");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder("bash", root.resolve("deploy/local/test-infra").toString(), command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("test-infra " + command + " timed out; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("test-infra " + command + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run test-infra " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running test-infra " + command, e);
        }
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/local/test-infra"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/local/test-infra not found above " + Path.of("").toAbsolutePath());
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on port " + PG_PORT + " refused: " + sql, e);
        }
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}

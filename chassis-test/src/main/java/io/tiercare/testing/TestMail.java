package io.tiercare.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the test SMTP server received (a real one: aiosmtpd, started with the rest of the test infrastructure), as
 * a mail client would read it: envelope recipients, headers decoded, the text part decoded.
 */
public final class TestMail {

    /** One message as received. */
    public record Mail(String receivedAt, String mailFrom, List<String> rcptTos, String from, String to,
            String subject, String messageId, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private TestMail() {
    }

    /** Every message received so far, oldest first. */
    public static List<Mail> all() {
        Path dir = TierCareTestInfrastructure.mailDirectory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Mail> mails = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                mails.add(JSON.readValue(file.toFile(), Mail.class));
            }
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the test mailbox " + dir, e);
        }
    }

    /** The messages sent to this address. */
    public static List<Mail> to(String address) {
        return all().stream().filter(m -> m.rcptTos().contains(address)).toList();
    }

    /** Waits until a message matching the predicate has arrived and returns it. */
    public static Mail await(Predicate<Mail> match, Duration timeout) {
        List<Mail> found = new ArrayList<>();
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            all().stream().filter(match).findFirst().ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }
}

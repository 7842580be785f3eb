package io.tiercare.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another service's published example events, read from its module in this repository: a consumer's contract test
 * feeds them to the consumer, so a change on either side that breaks the reading fails the build. The ids in the
 * examples are swapped for fresh ones (the same example id always for the same fresh id) so tests never collide.
 */
public final class ProducerExamples {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Map<String, String> ids = new HashMap<>();

    /** Makes {@code exampleIds} all stand for {@code id} (e.g. the customer of two producers' examples). */
    public ProducerExamples same(String id, String... exampleIds) {
        for (String exampleId : exampleIds) {
            ids.put(exampleId, id);
        }
        return this;
    }

    /** The fresh id standing for {@code exampleId}. */
    public String id(String exampleId) {
        return ids.computeIfAbsent(exampleId, k -> UUID.randomUUID().toString());
    }

    /** The example of {@code type} published by {@code module} (e.g. customer-service), with fresh ids. */
    public String example(String module, String type) {
        Path file = Path.of("..", module, "src", "main", "resources", "META-INF", "resources", "events",
                type + ".example.json");
        try {
            Matcher uuids = UUID_TEXT.matcher(Files.readString(file, StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            while (uuids.find()) {
                uuids.appendReplacement(out, id(uuids.group()));
            }
            return uuids.appendTail(out).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("no example " + file.toAbsolutePath(), e);
        }
    }
}

package io.tiercare.care.support;

import static io.tiercare.testing.TestApi.as;

import java.time.Duration;

import org.awaitility.Awaitility;

import io.restassured.path.json.JsonPath;

/** A message as a supervisor reads it through the API, and waiting for the status it reaches. */
public final class Messages {

    private Messages() {
    }

    public static JsonPath get(String id) {
        return as("SUPERVISOR").when().get("/api/v1/care-messages/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    public static JsonPath awaitStatus(String id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(get(id).getString("status")));
        return get(id);
    }
}

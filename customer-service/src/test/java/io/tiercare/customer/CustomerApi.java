package io.tiercare.customer;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tiercare.testing.TestApi;

/** Calls the customer API the way a front end would, so tests read like the spec. */
public final class CustomerApi {

    private CustomerApi() {
    }

    /** {@link TestApi#as}, sending JSON. */
    public static RequestSpecification as(String role) {
        return TestApi.as(role).contentType(ContentType.JSON);
    }

    public static RequestSpecification asUser(String user, String role) {
        return TestApi.asUser(user, role).contentType(ContentType.JSON);
    }

    public static ValidatableResponse register(String role, Map<String, Object> body) {
        return as(role).body(body).when().post("/api/v1/customers").then();
    }

    /** Registers an individual with a fresh phone and returns the new id. */
    public static String registerIndividual(String name) {
        return register("ADMIN", Map.of("type", "INDIVIDUAL", "name", name, "mobilePhone", randomMobile()))
                .statusCode(201).extract().path("id");
    }

    public static String registerIndividual(Map<String, Object> fields) {
        java.util.HashMap<String, Object> body = new java.util.HashMap<>(Map.of("type", "INDIVIDUAL"));
        body.putAll(fields);
        body.putIfAbsent("mobilePhone", randomMobile());
        return register("ADMIN", body).statusCode(201).extract().path("id");
    }

    /** A fresh mainland mobile in E.164, so tests never collide on the unique phone. */
    public static String randomMobile() {
        return "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static String randomEmail() {
        return "c" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }
}

package io.tiercare.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests to the service under test as someone: a role, or a named person in a role (four-eyes rules). */
public final class TestApi {

    private TestApi() {
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRole(role));
    }

    public static RequestSpecification asUser(String user, String role) {
        return given().auth().oauth2(TestTokens.forUser(user, role));
    }
}

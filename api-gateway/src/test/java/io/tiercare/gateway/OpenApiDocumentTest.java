package io.tiercare.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void shouldServeTheServicesDocumentsMergedAndNameThoseThatDidNotAnswer() {
        given().when().get("/openapi").then().statusCode(200).contentType("application/json")
                .body("info.title", equalTo("TierCare API"))
                .body("servers[0].url", equalTo("/"))
                .body("paths", hasKey("/api/v1/customers"))
                .body("paths", not(hasKey("/api/v1/tier-schemes"))) // customer-service's, but routed to tiering
                .body("paths.'/api/v1/customers'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Customer"))
                .body("components.schemas.Customer.properties.name.type", equalTo("string"))
                .body("tags[0].name", equalTo("Customers"))
                .body("info.description", containsString(
                        "Not included, because they did not answer: care, complaint, tiering."));
    }

    @Test
    void shouldPointTheConsoleAtTheMergedDocument() {
        given().when().get("/console/").then().statusCode(200).body(containsString("/openapi"));
    }

    @Test
    void shouldRenameAComponentTwoServicesDefineDifferentlyAndKeepOneTheyShare() {
        JsonObject customer = new JsonObject("""
                {"openapi":"3.1.0","paths":{"/api/v1/customers/{id}":{"get":{"responses":{"404":{"$ref":"#/components/responses/NotFound"},
                   "200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Level"}}}}}}}},
                 "components":{"schemas":{"Level":{"enum":["A","B"]},"Problem":{"type":"object"}},
                               "responses":{"NotFound":{"description":"no such customer"}}}}""");
        JsonObject tiering = new JsonObject("""
                {"openapi":"3.1.0","paths":{"/api/v1/tier-schemes":{"get":{"responses":{"200":{"content":
                   {"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/Level"}}}}},
                   "400":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
                 "components":{"schemas":{"Level":{"type":"integer"},"Problem":{"type":"object"}}}}""");
        Map<String, JsonObject> documents = new TreeMap<>(Map.of("customer", customer, "tiering", tiering));

        JsonObject merged = OpenApiDocument.merge(new RouteTable(new Routes()), documents, List.of());

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).containsExactlyInAnyOrder("Level", "Problem", "tiering_Level");
        assertThat(schemas.getJsonObject("Level").getJsonArray("enum").getList()).containsExactly("A", "B");
        assertThat(schemas.getJsonObject("tiering_Level").getString("type")).isEqualTo("integer");
        JsonObject tierResponses = merged.getJsonObject("paths").getJsonObject("/api/v1/tier-schemes")
                .getJsonObject("get").getJsonObject("responses");
        assertThat(tierResponses.getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getJsonObject("items").getString("$ref"))
                .isEqualTo("#/components/schemas/tiering_Level");
        assertThat(tierResponses.getJsonObject("400").getJsonObject("content")
                .getJsonObject("application/problem+json").getJsonObject("schema").getString("$ref"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(merged.getJsonObject("components").getJsonObject("responses").fieldNames())
                .containsExactly("NotFound");
        assertThat(merged.getJsonObject("info").getString("description")).doesNotContain("did not answer");
    }

    @Test
    void shouldRenameAComponentThatClashesOnlyThroughWhatItRefersTo() {
        // customer's Result refers to an Outcome of its own; tiering's has the same fields, but its Outcome differs
        JsonObject customer = new JsonObject("""
                {"openapi":"3.1.0","paths":{"/api/v1/customers":{"get":{"responses":{"200":{"content":
                   {"application/json":{"schema":{"$ref":"#/components/schemas/Results"}}}}}}}},
                 "components":{"schemas":{"Outcome":{"enum":["REACHED","NO_ANSWER"]},
                   "Result":{"properties":{"outcome":{"$ref":"#/components/schemas/Outcome"}}},
                   "Results":{"properties":{"items":{"items":{"$ref":"#/components/schemas/Result"}}}}}}}""");
        JsonObject tiering = new JsonObject("""
                {"openapi":"3.1.0","paths":{"/api/v1/tier-schemes":{"get":{"responses":{"200":{"content":
                   {"application/json":{"schema":{"$ref":"#/components/schemas/Results"}}}}}}}},
                 "components":{"schemas":{"Outcome":{"enum":["REDRIVEN","NOT_FOUND"]},
                   "Result":{"properties":{"outcome":{"$ref":"#/components/schemas/Outcome"}}},
                   "Results":{"properties":{"items":{"items":{"$ref":"#/components/schemas/Result"}}}}}}}""");
        Map<String, JsonObject> documents = new TreeMap<>(Map.of("customer", customer, "tiering", tiering));

        JsonObject merged = OpenApiDocument.merge(new RouteTable(new Routes()), documents, List.of());

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).containsExactlyInAnyOrder("Outcome", "Result", "Results", "tiering_Outcome",
                "tiering_Result", "tiering_Results");
        assertThat(schemas.getJsonObject("Results").encode()).contains("#/components/schemas/Result\"");
        assertThat(schemas.getJsonObject("Result").encode()).contains("#/components/schemas/Outcome\"");
        assertThat(schemas.getJsonObject("tiering_Result").encode()).contains("#/components/schemas/tiering_Outcome");
        assertThat(merged.getJsonObject("paths").getJsonObject("/api/v1/tier-schemes").encode())
                .contains("#/components/schemas/tiering_Results");
    }

    @Test
    void shouldNameEachServicesOwnDeadLetterPaths() {
        String deadLetters = """
                {"openapi":"3.1.0","paths":{"/api/v1/dead-letters/{service}":{"get":{"parameters":[
                   {"name":"service","in":"path","required":true},{"name":"limit","in":"query"}],
                   "responses":{"200":{"description":"the records"}}}}}}""";
        Map<String, JsonObject> documents = new TreeMap<>(Map.of("customer", new JsonObject(deadLetters),
                "tiering", new JsonObject(deadLetters)));

        JsonObject paths = OpenApiDocument.merge(new RouteTable(new Routes()), documents, List.of())
                .getJsonObject("paths");

        assertThat(paths.fieldNames()).containsExactlyInAnyOrder("/api/v1/dead-letters/customer-service",
                "/api/v1/dead-letters/tiering-service");
        assertThat(paths.getJsonObject("/api/v1/dead-letters/customer-service").getJsonObject("get")
                .getJsonArray("parameters").stream().map(p -> ((JsonObject) p).getString("name")))
                .containsExactly("limit");
    }

    /** Two services and their paths, as the configuration would name them. */
    private static final class Routes implements GatewayConfig {
        @Override
        public Map<String, Upstream> services() {
            return Map.of("customer", upstream("/api/v1/customers,/api/v1/dead-letters/customer-service"), "tiering",
                    upstream("/api/v1/tier-schemes,/api/v1/dead-letters/tiering-service"));
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration connectTimeout() {
            return Duration.ofSeconds(2);
        }

        @Override
        public RateLimits rateLimits() {
            throw new UnsupportedOperationException("not used by the merge");
        }

        @Override
        public Breaker breaker() {
            throw new UnsupportedOperationException("not used by the merge");
        }

        private static Upstream upstream(String path) {
            return new Upstream() {
                @Override
                public String url() {
                    return "http://127.0.0.1:1";
                }

                @Override
                public Optional<String> managementUrl() {
                    return Optional.empty();
                }

                @Override
                public List<String> paths() {
                    return List.of(path.split(","));
                }

                @Override
                public Optional<Duration> timeout() {
                    return Optional.empty();
                }

                @Override
                public Optional<Duration> connectTimeout() {
                    return Optional.empty();
                }
            };
        }
    }
}

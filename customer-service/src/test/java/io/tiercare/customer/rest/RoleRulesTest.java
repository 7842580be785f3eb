package io.tiercare.customer.rest;

import static io.restassured.RestAssured.given;
import static io.tiercare.customer.CustomerApi.registerIndividual;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.chassis.security.Roles;
import io.tiercare.testing.TestTokens;

/** Who may call what: every other role is refused with 403, and no token with 401, before anything happens. */
@QuarkusTest
class RoleRulesTest {

    private static final Set<String> ALL = Set.of(Roles.ALL);
    private static final Set<String> WRITERS = Set.of("ADMIN", "SUPERVISOR", "AGENT", "ACCOUNT_MANAGER",
            "INTEGRATION");
    private static final Set<String> ORDER_WRITERS = Set.of("ADMIN", "SUPERVISOR", "AGENT", "INTEGRATION");

    record Rule(String method, String path, Set<String> allowed, String contentType) {

        Rule(String method, String path, Set<String> allowed) {
            this(method, path, allowed, "application/json");
        }
    }

    @Test
    void shouldRefuseEveryRoleAnEndpointDoesNotAllow() {
        String id = registerIndividual("权限");
        UUID purchase = UUID.randomUUID();
        List<Rule> rules = List.of(
                new Rule("POST", "/api/v1/customers", WRITERS),
                new Rule("GET", "/api/v1/customers/" + id, ALL),
                new Rule("PATCH", "/api/v1/customers/" + id, WRITERS),
                new Rule("GET", "/api/v1/customers", ALL),
                new Rule("GET", "/api/v1/customers/export", Set.of("ADMIN", "SUPERVISOR", "ANALYST")),
                new Rule("PUT", "/api/v1/customers/" + id + "/account-manager", Set.of("ADMIN", "SUPERVISOR")),
                new Rule("PUT", "/api/v1/customers/" + id + "/preferences", WRITERS),
                new Rule("POST", "/api/v1/customers/" + id + "/purchases", ORDER_WRITERS),
                new Rule("GET", "/api/v1/customers/" + id + "/purchases", ALL),
                new Rule("POST", "/api/v1/customers/" + id + "/purchases/" + purchase + "/refunds", ORDER_WRITERS),
                new Rule("GET", "/api/v1/customers/" + id + "/purchase-summary", ALL),
                new Rule("POST", "/api/v1/customers/" + id + "/inquiries", WRITERS),
                new Rule("GET", "/api/v1/customers/" + id + "/inquiries", ALL),
                new Rule("PUT", "/api/v1/customers/" + id + "/consents/SMS", WRITERS),
                new Rule("GET", "/api/v1/customers/" + id + "/consents", ALL),
                new Rule("GET", "/api/v1/customer-duplicate-suspects", Set.of("ADMIN", "SUPERVISOR")),
                new Rule("POST", "/api/v1/customers/" + id + "/merges", Set.of("ADMIN", "SUPERVISOR")),
                new Rule("GET", "/api/v1/data-quality-report", Set.of("ADMIN", "SUPERVISOR", "ANALYST")),
                new Rule("POST", "/api/v1/customer-imports", Set.of("ADMIN", "SUPERVISOR", "INTEGRATION"), "text/csv"),
                new Rule("GET", "/api/v1/customer-imports/" + UUID.randomUUID(),
                        Set.of("ADMIN", "SUPERVISOR", "INTEGRATION")),
                new Rule("GET", "/api/v1/customers/" + id + "/personal-data", Set.of("ADMIN")),
                new Rule("POST", "/api/v1/customers/" + id + "/erasure", Set.of("ADMIN")),
                new Rule("GET", "/api/v1/personal-data-reads", Set.of("ADMIN")));

        List<String> wrong = new ArrayList<>();
        for (Rule rule : rules) {
            int anonymous = given().contentType(rule.contentType()).body("{}").request(rule.method(), rule.path())
                    .statusCode();
            if (anonymous != 401) {
                wrong.add(rule.method() + " " + rule.path() + " without a token: " + anonymous);
            }
            for (String role : Roles.ALL) {
                if (rule.allowed().contains(role)) {
                    continue;
                }
                int status = given().auth().oauth2(TestTokens.forRole(role)).contentType(rule.contentType()).body("{}")
                        .request(rule.method(), rule.path()).statusCode();
                if (status != 403) {
                    wrong.add(rule.method() + " " + rule.path() + " as " + role + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
        given().auth().oauth2(TestTokens.forRole("ADMIN")).when().get("/api/v1/customers/" + id).then()
                .statusCode(200);
    }
}

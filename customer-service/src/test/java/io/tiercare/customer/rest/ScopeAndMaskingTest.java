package io.tiercare.customer.rest;

import static io.tiercare.customer.CustomerApi.as;
import static io.tiercare.customer.CustomerApi.asUser;
import static io.tiercare.customer.CustomerApi.randomEmail;
import static io.tiercare.customer.CustomerApi.randomMobile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * What a masked role or an account manager outside their scope can learn: nothing an unknown id would not tell
 * them — no confirming a guessed phone number, no owner named in a conflict, no erasure time, no reference to
 * another manager's customer; and every answer carrying unmasked data to a person is audited.
 */
@QuarkusTest
class ScopeAndMaskingTest {

    private static final String MINE = "am-scope-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String OTHER = "am-other-" + UUID.randomUUID().toString().substring(0, 6);

    @Inject
    EntityManager em;

    private static String registerFor(String manager, String phone, String email) {
        return asUser(manager, "ACCOUNT_MANAGER").body(Map.of("type", "INDIVIDUAL", "name", "范围测试",
                "mobilePhone", phone, "email", email)).when().post("/api/v1/customers").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void maskedRolesCannotConfirmAPhoneOrEmailBySearchingForIt() {
        String phone = randomMobile();
        String email = randomEmail();
        registerFor(MINE, phone, email);
        for (String role : new String[] { "ANALYST", "INTEGRATION" }) {
            as(role).queryParam("phone", phone).when().get("/api/v1/customers").then().statusCode(403)
                    .contentType("application/problem+json");
            as(role).queryParam("email", email).when().get("/api/v1/customers").then().statusCode(403);
        }
        as("ANALYST").queryParam("phone", phone).when().get("/api/v1/customers/export").then().statusCode(403);
        as("SUPERVISOR").queryParam("phone", phone).when().get("/api/v1/customers").then().statusCode(200)
                .body("totalItems", equalTo(1));
    }

    @Test
    void aConflictNamesTheOwnerOnlyToThoseWhoMayReadIt() {
        String phone = randomMobile();
        String email = randomEmail();
        String owner = registerFor(MINE, phone, email);
        asUser(OTHER, "ACCOUNT_MANAGER").body(Map.of("type", "INDIVIDUAL", "name", "冒名", "mobilePhone", phone))
                .when().post("/api/v1/customers").then().statusCode(409)
                .body("detail", equalTo("mobilePhone already belongs to another customer"));
        as("INTEGRATION").body(Map.of("type", "INDIVIDUAL", "name", "冒名", "email", email))
                .when().post("/api/v1/customers").then().statusCode(409)
                .body("detail", equalTo("email already belongs to another customer"));
        asUser(MINE, "ACCOUNT_MANAGER").body(Map.of("type", "INDIVIDUAL", "name", "重复", "mobilePhone", phone))
                .when().post("/api/v1/customers").then().statusCode(409)
                .body("detail", equalTo("mobilePhone already belongs to customer " + owner));
    }

    @Test
    void anotherManagersCustomerIsAnUnknownIdEvenOnceErasedAndCannotBeReferred() {
        String theirs = registerFor(MINE, randomMobile(), randomEmail());
        String unknown = UUID.randomUUID().toString();
        asUser(OTHER, "ACCOUNT_MANAGER").body(Map.of("type", "INDIVIDUAL", "name", "转介绍", "mobilePhone", randomMobile(),
                "referredBy", theirs))
                .when().post("/api/v1/customers").then().statusCode(400)
                .body("violations[0].field", equalTo("referredBy"))
                .body("violations[0].message", equalTo("no customer " + theirs));
        asUser(OTHER, "ACCOUNT_MANAGER").body(Map.of("type", "INDIVIDUAL", "name", "转介绍", "mobilePhone", randomMobile(),
                "referredBy", unknown))
                .when().post("/api/v1/customers").then().statusCode(400)
                .body("violations[0].message", equalTo("no customer " + unknown));

        as("ADMIN").when().post("/api/v1/customers/" + theirs + "/erasure").then().statusCode(200);
        String outside = asUser(OTHER, "ACCOUNT_MANAGER").when().get("/api/v1/customers/" + theirs).then()
                .statusCode(404).extract().path("detail");
        String none = asUser(OTHER, "ACCOUNT_MANAGER").when().get("/api/v1/customers/" + unknown).then()
                .statusCode(404).extract().path("detail");
        assertThat(outside.replace(theirs, "ID")).isEqualTo(none.replace(unknown, "ID"));
        asUser(MINE, "ACCOUNT_MANAGER").when().get("/api/v1/customers/" + theirs).then().statusCode(410);
    }

    @Test
    void anAccountManagerRegistersForThemselvesOnly() {
        asUser(OTHER, "ACCOUNT_MANAGER").body(Map.of("type", "INDIVIDUAL", "name", "代登记",
                "mobilePhone", randomMobile(), "accountManagerId", MINE)).when().post("/api/v1/customers").then().statusCode(400)
                .body("violations[0].field", equalTo("accountManagerId"));
        asUser(OTHER, "ACCOUNT_MANAGER").body(Map.of("type", "INDIVIDUAL", "name", "自己的", "mobilePhone",
                randomMobile(), "accountManagerId", OTHER)).when().post("/api/v1/customers").then().statusCode(201)
                .body("accountManagerId", equalTo(OTHER));
    }

    @Test
    void aNameOfInvisibleCharactersIsRefused() {
        as("AGENT").body(Map.of("type", "INDIVIDUAL", "name", "\u200b\u200b", "mobilePhone",
                randomMobile())).when().post("/api/v1/customers")
                .then().statusCode(400).body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("must contain a visible character"));
    }

    @Test
    void changingPreferencesOrTheManagerAnswersTheRecordAndAuditsIt() {
        String id = registerFor(MINE, randomMobile(), randomEmail());
        long before = reads(id);
        as("AGENT").body(Map.of("preferredChannel", "SMS", "contactWindows", java.util.List.of(),
                "doNotDisturb", false)).when().put("/api/v1/customers/" + id + "/preferences").then()
                .statusCode(200).body("mobilePhone", not(containsString("*")));
        as("SUPERVISOR").body(Map.of("accountManagerId", OTHER)).when()
                .put("/api/v1/customers/" + id + "/account-manager").then().statusCode(200);
        assertThat(reads(id)).isEqualTo(before + 2);
    }

    private long reads(String id) {
        return ((Number) em.createNativeQuery("select count(*) from personal_data_read where customer_id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult()).longValue();
    }
}

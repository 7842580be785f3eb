package io.tiercare.customer.rest;

import static io.tiercare.customer.CustomerApi.as;
import static io.tiercare.customer.CustomerApi.asUser;
import static io.tiercare.customer.CustomerApi.randomEmail;
import static io.tiercare.customer.CustomerApi.randomMobile;
import static io.tiercare.customer.CustomerApi.registerIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.customer.CustomerApi;
import io.tiercare.testing.EventSchemas;
import io.tiercare.testing.TestClock;
import io.tiercare.testing.TestKafka;
import jakarta.inject.Inject;

@QuarkusTest
class CustomerRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldKeepEveryFieldOfTheRecord() {
        String referrer = registerIndividual("推荐人");
        String phone = randomMobile();
        String id = CustomerApi.register("AGENT", Map.ofEntries(Map.entry("type", "INDIVIDUAL"),
                Map.entry("name", "  欧阳娜娜 "), Map.entry("gender", "FEMALE"), Map.entry("birthday", "1990-02-28"),
                Map.entry("mobilePhone", phone.substring(3)), Map.entry("email", "  NaNa.OuYang@Example.COM "),
                Map.entry("province", "广东省"), Map.entry("city", "深圳市"), Map.entry("address", "南山区科技园 1 号"),
                Map.entry("sourceChannel", "WECHAT"), Map.entry("tags", List.of("高净值", "家电", "家电")),
                Map.entry("referredBy", referrer), Map.entry("usesCompetitor", true)))
                .statusCode(201).extract().path("id");

        as("SUPERVISOR").when().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("name", equalTo("欧阳娜娜")).body("gender", equalTo("FEMALE"))
                .body("birthday", equalTo("1990-02-28")).body("mobilePhone", equalTo(phone))
                .body("email", equalTo("nana.ouyang@example.com")).body("city", equalTo("深圳市"))
                .body("tags", contains("高净值", "家电")).body("referredBy", equalTo(referrer))
                .body("usesCompetitor", equalTo(true)).body("status", equalTo("ACTIVE"))
                .body("version", equalTo(0));
    }

    @Test
    void shouldRefuseImpossibleValuesNamingTheField() {
        clock.set(Instant.parse("2026-11-22T16:30:00Z")); // already 2026-11-23 in Shanghai
        expectViolation(Map.of("type", "INDIVIDUAL", "name", "甲", "mobilePhone", randomMobile(),
                "birthday", "2026-11-24"), "birthday", "must not be in the future");
        expectViolation(Map.of("type", "INDIVIDUAL", "name", "甲", "email", "not-an-email"),
                "email", "must be an email address like name@example.com");
        expectViolation(Map.of("type", "INDIVIDUAL", "name", "甲"), "mobilePhone",
                "a mobile phone or an email is required");
        expectViolation(Map.of("type", "INDIVIDUAL", "name", "甲", "mobilePhone", randomMobile(),
                "referredBy", UUID.randomUUID().toString()), "referredBy", null);
        CustomerApi.register("ADMIN", Map.of("type", "INDIVIDUAL", "name", "甲", "mobilePhone", randomMobile(),
                "birthday", "2026-11-23")).statusCode(201);
    }

    @Test
    void shouldRefuseAnEmailThatBelongsToALiveCustomer() {
        String email = randomEmail();
        String first = registerIndividual(Map.of("name", "甲", "email", email));
        CustomerApi.register("ADMIN", Map.of("type", "INDIVIDUAL", "name", "乙", "email", email.toUpperCase()))
                .statusCode(409).body("detail", equalTo("email already belongs to customer " + first));
    }

    @Test
    void shouldApplyAPatchOnlyAgainstTheCurrentVersion() throws Exception {
        String id = registerIndividual(Map.of("name", "李四", "city", "杭州市", "address", "文三路 1 号"));
        String path = "/api/v1/customers/" + id;

        as("AGENT").body("{\"city\":\"宁波市\"}").when().patch(path).then().statusCode(428)
                .contentType("application/problem+json");
        as("AGENT").header("If-Match", "\"7\"").body("{\"city\":\"宁波市\"}").when().patch(path).then()
                .statusCode(412).body("detail", equalTo("customer " + id + " is at version 0, not 7; read it "
                        + "again and retry"));
        as("AGENT").header("If-Match", "\"0\"").body("{\"city\":\"宁波市\",\"address\":null}")
                .when().patch(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("city", equalTo("宁波市")).body("address", nullValue()).body("name", equalTo("李四"));
        as("AGENT").header("If-Match", "\"0\"").body("{\"city\":\"温州市\"}").when().patch(path).then()
                .statusCode(412);

        ConsumerRecord<String, String> updated = TestKafka.awaitRecord("customer.events",
                r -> id.equals(r.key()) && "tiercare.customer.updated.v2".equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20));
        JsonNode data = JSON.readTree(updated.value());
        assertThat(data.get("changedFields").toString()).isEqualTo("[\"city\",\"address\"]");
        assertThat(data.get("profile").has("city")).isFalse();
        assertThat(updated.value()).doesNotContain("宁波市").doesNotContain("李四");
        assertThat(EventSchemas.violations("tiercare.customer.updated.v2", updated.value())).isEmpty();
        // the personal data, whole, on its own compacted topic
        ConsumerRecord<String, String> personal = TestKafka.awaitRecord("customer.personal-data",
                r -> id.equals(r.key()) && r.value() != null && r.value().contains("宁波市"), Duration.ofSeconds(20));
        JsonNode snapshot = JSON.readTree(personal.value());
        assertThat(snapshot.get("name").asText()).isEqualTo("李四");
        assertThat(snapshot.get("address").isNull()).isTrue();
        assertThat(TestKafka.header(personal, "ce_type")).isEqualTo("tiercare.customer.personal-data.v1");
        assertThat(EventSchemas.violations("tiercare.customer.personal-data.v1", personal.value())).isEmpty();
    }

    @Test
    void shouldRefuseAPatchOfFieldsThatCannotChangeThisWayOrHaveTheWrongType() {
        String id = registerIndividual("王五");
        String path = "/api/v1/customers/" + id;
        as("ADMIN").header("If-Match", "\"0\"").body("{\"type\":\"ENTERPRISE\"}").when().patch(path).then()
                .statusCode(400).body("violations[0].field", equalTo("type"));
        as("ADMIN").header("If-Match", "\"0\"").body("{\"version\":9}").when().patch(path).then()
                .statusCode(400).body("violations[0].field", equalTo("version"));
        as("ADMIN").header("If-Match", "\"0\"").body("{\"usesCompetitor\":\"yes\"}").when().patch(path).then()
                .statusCode(400).body("violations[0].field", equalTo("usesCompetitor"))
                .body("violations[0].message", equalTo("must be true or false"));
        as("ADMIN").header("If-Match", "\"0\"").body("{\"name\":null}").when().patch(path).then()
                .statusCode(400).body("violations[0].field", equalTo("name"));
        as("ADMIN").header("If-Match", "\"0\"").body("{}").when().patch(path).then().statusCode(400);
        as("ADMIN").when().get(path).then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("王五"));
    }

    @Test
    void shouldSearchWithFiltersAndPageStably() {
        String tag = "tag-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            registerIndividual(Map.of("name", "搜索" + i, "tags", List.of(tag), "province", "江苏省"));
        }
        String phone = randomMobile();
        String byPhone = registerIndividual(Map.of("name", "电话查找", "mobilePhone", phone));

        as("AGENT").queryParam("tag", tag).queryParam("size", 2).when().get("/api/v1/customers").then()
                .statusCode(200).body("items", hasSize(2)).body("totalItems", equalTo(5))
                .body("hasNext", equalTo(true)).body("items[0].name", equalTo("搜索4"))
                .body("items[1].name", equalTo("搜索3"));
        as("AGENT").queryParam("tag", tag).queryParam("size", 2).queryParam("page", 2).when()
                .get("/api/v1/customers").then().body("items.name", contains("搜索0")).body("hasNext", equalTo(false));
        as("AGENT").queryParam("tag", tag).queryParam("name", "搜索").queryParam("province", "江苏省")
                .when().get("/api/v1/customers").then().body("totalItems", equalTo(5));
        as("AGENT").queryParam("phone", phone.substring(3)).when().get("/api/v1/customers").then()
                .body("items.id", contains(byPhone));
        as("AGENT").queryParam("createdFrom", "yesterday").when().get("/api/v1/customers").then().statusCode(400)
                .body("violations[0].field", equalTo("createdFrom"));
        as("AGENT").queryParam("phone", "12").when().get("/api/v1/customers").then().statusCode(400)
                .body("violations[0].field", equalTo("phone"));
    }

    @Test
    void shouldShowAnAccountManagerOnlyTheirOwnCustomers() {
        String manager = "am-" + UUID.randomUUID().toString().substring(0, 8);
        String mine = registerIndividual("我的客户");
        String notMine = registerIndividual("别人的客户");
        as("SUPERVISOR").body(Map.of("accountManagerId", manager)).when()
                .put("/api/v1/customers/" + mine + "/account-manager").then().statusCode(200)
                .body("accountManagerId", equalTo(manager));
        String created = asUser(manager, "ACCOUNT_MANAGER")
                .body(Map.of("type", "INDIVIDUAL", "name", "自己登记", "mobilePhone", randomMobile()))
                .when().post("/api/v1/customers").then().statusCode(201)
                .body("accountManagerId", equalTo(manager)).extract().path("id");

        asUser(manager, "ACCOUNT_MANAGER").when().get("/api/v1/customers/" + mine).then().statusCode(200);
        asUser(manager, "ACCOUNT_MANAGER").when().get("/api/v1/customers/" + notMine).then().statusCode(404)
                .body("detail", equalTo("Customer " + notMine + " not found"));
        asUser(manager, "ACCOUNT_MANAGER").when().get("/api/v1/customers?size=200").then().statusCode(200)
                .body("items.id", containsInAnyOrder(mine, created)).body("totalItems", equalTo(2));
        asUser(manager, "ACCOUNT_MANAGER").header("If-Match", "\"0\"").body("{\"city\":\"x\"}").when()
                .patch("/api/v1/customers/" + notMine).then().statusCode(404);
        asUser(manager, "ACCOUNT_MANAGER").body(Map.of("accountManagerId", manager)).when()
                .put("/api/v1/customers/" + notMine + "/account-manager").then().statusCode(403);
    }

    @Test
    void shouldMaskPersonalDataForAnalystsAndSystems() {
        String phone = randomMobile();
        String id = registerIndividual(Map.of("name", "遮蔽", "mobilePhone", phone, "email", "zhang.wei@example.com",
                "birthday", "1985-03-04", "address", "某路 1 号"));
        for (String role : List.of("ANALYST", "INTEGRATION")) {
            as(role).when().get("/api/v1/customers/" + id).then().statusCode(200)
                    .body("mobilePhone", equalTo(phone.substring(3, 6) + "****" + phone.substring(10)))
                    .body("email", equalTo("z***@example.com"))
                    .body("birthday", nullValue()).body("address", nullValue()).body("name", equalTo("遮蔽"));
        }
    }

    @Test
    void shouldAuditUnmaskedReadsByPeopleOnly() {
        String id = registerIndividual("审计对象");
        asUser("agent-li", "AGENT").header("X-Correlation-Id", "audit-1").when().get("/api/v1/customers/" + id)
                .then().statusCode(200);
        as("ANALYST").when().get("/api/v1/customers/" + id).then().statusCode(200);

        as("ADMIN").queryParam("customerId", id).when().get("/api/v1/personal-data-reads").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].actor", equalTo("agent-li"))
                .body("items[0].actorRoles", equalTo("AGENT")).body("items[0].action", equalTo("READ"))
                .body("items[0].correlationId", equalTo("audit-1"));
        as("SUPERVISOR").when().get("/api/v1/personal-data-reads").then().statusCode(403);
    }

    @Test
    void shouldKeepContactPreferences() {
        String id = registerIndividual("周末客户");
        as("AGENT").body(Map.of("preferredChannel", "WECHAT", "doNotDisturb", false, "contactWindows",
                List.of(Map.of("days", List.of("SATURDAY", "SUNDAY"), "from", "10:00", "to", "18:00"))))
                .when().put("/api/v1/customers/" + id + "/preferences").then().statusCode(200)
                .body("preferredChannel", equalTo("WECHAT"))
                .body("contactWindows[0].days", containsInAnyOrder("SATURDAY", "SUNDAY"))
                .body("contactWindows[0].from", equalTo("10:00:00"));
        as("AGENT").body(Map.of("doNotDisturb", false, "contactWindows",
                List.of(Map.of("days", List.of("MONDAY"), "from", "18:00", "to", "10:00"))))
                .when().put("/api/v1/customers/" + id + "/preferences").then().statusCode(400)
                .body("violations[0].field", equalTo("contactWindows"));
        as("AGENT").body(Map.of("doNotDisturb", false, "contactWindows",
                List.of(Map.of("days", List.of("FUNDAY"), "from", "10:00", "to", "18:00"))))
                .when().put("/api/v1/customers/" + id + "/preferences").then().statusCode(400);
        TestKafka.awaitRecord("customer.events", r -> id.equals(r.key())
                && "tiercare.customer.preferences-changed.v1".equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20));
    }

    private static void expectViolation(Map<String, Object> body, String field, String message) {
        var response = CustomerApi.register("ADMIN", body).statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo(field));
        if (message != null) {
            response.body("violations[0].message", equalTo(message));
        }
    }
}

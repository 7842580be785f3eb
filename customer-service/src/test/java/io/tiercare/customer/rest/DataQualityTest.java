package io.tiercare.customer.rest;

import static io.tiercare.customer.CustomerApi.as;
import static io.tiercare.customer.CustomerApi.registerIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.testing.EventSchemas;
import io.tiercare.testing.TestKafka;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class DataQualityTest {

    @Inject
    EntityManager em;

    @Test
    void shouldListRecordsWithTheSameNameAndBirthdayAsSuspects() {
        String tag = uniqueTag();
        String name = "重名" + UUID.randomUUID().toString().substring(0, 6);
        String first = registerIndividual(Map.of("name", name, "birthday", "1990-01-01", "tags", List.of(tag)));
        String second = registerIndividual(Map.of("name", name, "birthday", "1990-01-01", "tags", List.of(tag)));
        registerIndividual(Map.of("name", name, "birthday", "1991-01-01", "tags", List.of(tag)));

        as("SUPERVISOR").queryParam("tag", tag).when().get("/api/v1/customer-duplicate-suspects").then()
                .statusCode(200).body("items", hasSize(1))
                .body("items[0].reason", equalTo("SAME_NAME_AND_BIRTHDAY"))
                .body("items[0].customers.id", contains(first, second));
        as("AGENT").when().get("/api/v1/customer-duplicate-suspects").then().statusCode(403);
    }

    @Test
    void shouldMergeADuplicateMovingItsHistoryAndKeepItsIdResolvable() {
        String survivor = registerIndividual("合并保留");
        String duplicate = registerIndividual("合并重复");
        String order = "SO-" + UUID.randomUUID();
        as("INTEGRATION").body(Map.of("externalOrderId", order, "amount", 300, "purchasedAt", "2026-11-01T02:00:00Z"))
                .when().post("/api/v1/customers/" + duplicate + "/purchases").then().statusCode(201);
        as("AGENT").body(Map.of("kind", "INQUIRY", "topic", "价格")).when()
                .post("/api/v1/customers/" + duplicate + "/inquiries").then().statusCode(201);
        as("AGENT").body(Map.of("granted", true, "source", "FORM")).when()
                .put("/api/v1/customers/" + duplicate + "/consents/EMAIL").then().statusCode(200);

        as("SUPERVISOR").body(Map.of("duplicateId", duplicate)).when()
                .post("/api/v1/customers/" + survivor + "/merges").then().statusCode(200)
                .body("id", equalTo(survivor));

        as("AGENT").when().get("/api/v1/customers/" + duplicate).then().statusCode(200)
                .body("id", equalTo(survivor)).body("name", equalTo("合并保留"));
        as("AGENT").when().get("/api/v1/customers/" + survivor + "/purchases").then()
                .body("items[0].externalOrderId", equalTo(order)).body("items[0].customerId", equalTo(survivor));
        as("AGENT").when().get("/api/v1/customers/" + survivor + "/inquiries").then().body("totalItems", equalTo(1));
        as("AGENT").when().get("/api/v1/customers/" + survivor + "/consents").then()
                .body("current[0].channel", equalTo("EMAIL"));
        as("AGENT").when().get("/api/v1/customers/" + duplicate + "/purchase-summary").then()
                .body("customerId", equalTo(survivor)).body("purchaseCount", equalTo(1));
        as("SUPERVISOR").body(Map.of("duplicateId", duplicate)).when()
                .post("/api/v1/customers/" + survivor + "/merges").then().statusCode(409);
        as("SUPERVISOR").body(Map.of("duplicateId", survivor)).when()
                .post("/api/v1/customers/" + survivor + "/merges").then().statusCode(400);

        ConsumerRecord<String, String> merged = TestKafka.awaitRecord("customer.events",
                r -> survivor.equals(r.key()) && "tiercare.customer.merged.v1".equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertThat(merged.value()).contains("\"mergedCustomerId\":\"" + duplicate + "\"")
                .contains("\"movedPurchases\":1").contains("\"movedInquiries\":1").contains("\"movedConsents\":1");
        assertThat(EventSchemas.violations("tiercare.customer.merged.v1", merged.value())).isEmpty();
    }

    @Test
    void shouldReportCompletenessInvalidValuesDuplicatesAndAccuracy() {
        String tag = uniqueTag();
        String name = "质量" + UUID.randomUUID().toString().substring(0, 6);
        registerIndividual(Map.of("name", name, "birthday", "1990-01-01", "tags", List.of(tag)));
        registerIndividual(Map.of("name", name, "birthday", "1990-01-01", "tags", List.of(tag)));
        registerIndividual(Map.of("name", "完整", "city", "杭州市", "tags", List.of(tag)));
        // a record from before validation existed: its phone is not a valid number
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into customer (id, type, name, mobile_phone, tags, created_at, updated_at, version)
                values (?1, 'INDIVIDUAL', '旧数据', '+86123', array[cast(?2 as varchar)], now(), now(), 0)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tag).executeUpdate());

        as("ANALYST").queryParam("tag", tag).when().get("/api/v1/data-quality-report").then().statusCode(200)
                .body("totalCustomers", equalTo(4))
                .body("completeness.find { it.field == 'name' }.ratio", equalTo(1.0f))
                .body("completeness.find { it.field == 'birthday' }.filled", equalTo(2))
                .body("completeness.find { it.field == 'birthday' }.ratio", equalTo(0.5f))
                .body("completeness.find { it.field == 'city' }.ratio", equalTo(0.25f))
                .body("invalidValues.find { it.field == 'mobilePhone' }.count", equalTo(1))
                .body("invalidValues.find { it.field == 'email' }.count", equalTo(0))
                .body("duplicateSuspectGroups", equalTo(1))
                .body("customersInDuplicateGroups", equalTo(2))
                .body("customersWithIssues", equalTo(3))
                .body("accuracy", equalTo(0.25f))
                .body("accuracyTarget", equalTo(0.98f))
                .body("meetsTarget", equalTo(false));
        as("AGENT").when().get("/api/v1/data-quality-report").then().statusCode(403);
    }

    private static String uniqueTag() {
        return "dq-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

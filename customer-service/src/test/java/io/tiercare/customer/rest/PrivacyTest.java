package io.tiercare.customer.rest;

import static io.tiercare.customer.CustomerApi.as;
import static io.tiercare.customer.CustomerApi.randomMobile;
import static io.tiercare.customer.CustomerApi.registerIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.testing.EventSchemas;
import io.tiercare.testing.TestKafka;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class PrivacyTest {

    @Inject
    EntityManager em;

    @Test
    void shouldExportEverythingHeldAboutACustomer() {
        String id = registerIndividual(Map.of("name", "访问权", "email", "access.right@example.com"));
        as("INTEGRATION").body(Map.of("externalOrderId", "SO-" + UUID.randomUUID(), "amount", 88,
                "purchasedAt", "2026-10-01T00:00:00Z")).when().post("/api/v1/customers/" + id + "/purchases")
                .then().statusCode(201);
        as("AGENT").body(Map.of("kind", "FEEDBACK", "content", "很满意")).when()
                .post("/api/v1/customers/" + id + "/inquiries").then().statusCode(201);
        as("AGENT").when().get("/api/v1/customers/" + id).then().statusCode(200);

        as("ADMIN").when().get("/api/v1/customers/" + id + "/personal-data").then().statusCode(200)
                .body("customer.email", equalTo("access.right@example.com"))
                .body("purchases", hasSize(1)).body("inquiries[0].content", equalTo("很满意"))
                .body("reads.action", contains("ACCESS_EXPORT", "READ"));
        as("SUPERVISOR").when().get("/api/v1/customers/" + id + "/personal-data").then().statusCode(403);
    }

    @Test
    void shouldEraseEveryPersonalTraceAndKeepPurchaseAggregates() {
        String marker = "隐私" + UUID.randomUUID().toString().substring(0, 8);
        String phone = randomMobile();
        String email = "erase." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = registerIndividual(Map.of("name", marker, "mobilePhone", phone, "email", email,
                "address", marker + "路 1 号", "birthday", "1980-01-01"));
        String duplicate = registerIndividual(Map.of("name", marker + "副本", "birthday", "1980-01-01"));
        String duplicatePhone = as("ADMIN").when().get("/api/v1/customers/" + duplicate).then().extract()
                .path("mobilePhone");
        as("SUPERVISOR").body(Map.of("duplicateId", duplicate)).when().post("/api/v1/customers/" + id + "/merges")
                .then().statusCode(200);
        String etag = as("ADMIN").when().get("/api/v1/customers/" + id).then().extract().header("ETag");
        as("ADMIN").header("If-Match", etag).body(Map.of("address", marker + "新地址")).when()
                .patch("/api/v1/customers/" + id).then().statusCode(200);
        as("INTEGRATION").body(Map.of("externalOrderId", "SO-" + UUID.randomUUID(), "amount", 5000,
                "purchasedAt", "2026-10-01T00:00:00Z")).when().post("/api/v1/customers/" + id + "/purchases")
                .then().statusCode(201);
        as("AGENT").body(Map.of("kind", "INQUIRY", "topic", marker, "content", marker + "的咨询")).when()
                .post("/api/v1/customers/" + id + "/inquiries").then().statusCode(201);
        as("AGENT").body(Map.of("granted", true, "source", "FORM")).when()
                .put("/api/v1/customers/" + id + "/consents/SMS").then().statusCode(200);

        as("ADMIN").when().post("/api/v1/customers/" + id + "/erasure").then().statusCode(200)
                .body("status", equalTo("ERASED")).body("erasedMergedRecords", contains(duplicate));

        for (String trace : List.of(marker, phone, email, duplicatePhone, "1980-01-01")) {
            assertThat(tablesContaining(trace)).as("tables still holding %s", trace).isEmpty();
        }
        as("AGENT").when().get("/api/v1/customers/" + id).then().statusCode(410)
                .body("detail", startsWith("Customer " + id + " was erased on "));
        as("AGENT").when().get("/api/v1/customers/" + duplicate).then().statusCode(410);
        as("INTEGRATION").body(Map.of("externalOrderId", "SO-" + UUID.randomUUID(), "amount", 1,
                "purchasedAt", "2026-10-01T00:00:00Z")).when().post("/api/v1/customers/" + id + "/purchases")
                .then().statusCode(410);
        as("ADMIN").when().post("/api/v1/customers/" + id + "/erasure").then().statusCode(200);
        assertThat(purchaseTotal(id)).isEqualTo("5000.00");

        ConsumerRecord<String, String> erased = TestKafka.awaitRecord("customer.events",
                r -> id.equals(r.key()) && "tiercare.customer.erased.v1".equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertThat(EventSchemas.violations("tiercare.customer.erased.v1", erased.value())).isEmpty();
        assertThat(erased.value()).doesNotContain(marker);

        // Kafka: customer.events never carried the personal data; customer.personal-data did, and once the tombstones
        // have been appended twice and the log cleaner has passed, nothing read from the beginning holds any of it
        List<String> traces = List.of(marker, phone, email, duplicatePhone, "1980-01-01");
        assertThat(TestKafka.readAll("customer.events")).filteredOn(r -> r.value() != null)
                .noneMatch(r -> traces.stream().anyMatch(r.value()::contains));
        assertThat(TestKafka.readAll("customer.personal-data")).filteredOn(r -> r.value() != null)
                .anyMatch(r -> r.value().contains(marker)); // not compacted yet
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> left = TestKafka.readAll("customer.personal-data");
            assertThat(left).filteredOn(r -> r.value() != null)
                    .noneMatch(r -> traces.stream().anyMatch(r.value()::contains));
            assertThat(left).filteredOn(r -> id.equals(r.key()) || duplicate.equals(r.key()))
                    .isNotEmpty().allMatch(r -> r.value() == null);
        });
    }

    /** Every table of the service's schema whose rows, as text, contain the given value. */
    @SuppressWarnings("unchecked")
    private List<String> tablesContaining(String value) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> tables = em.createNativeQuery("""
                    select table_name from information_schema.tables
                    where table_schema = current_schema() and table_type = 'BASE TABLE'""").getResultList();
            return tables.stream().filter(table -> ((Number) em.createNativeQuery(
                    "select count(*) from " + table + " t where t::text like ?1")
                    .setParameter(1, "%" + value + "%").getSingleResult()).longValue() > 0).toList();
        });
    }

    private String purchaseTotal(String customerId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select sum(amount)::text from purchase where customer_id = ?1")
                .setParameter(1, UUID.fromString(customerId)).getSingleResult().toString());
    }
}

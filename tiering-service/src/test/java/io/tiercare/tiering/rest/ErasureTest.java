package io.tiercare.tiering.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.testing.TestApi.asUser;
import static io.tiercare.tiering.support.Events.awaitTierEvent;
import static io.tiercare.tiering.support.Events.purchase;
import static io.tiercare.tiering.support.Events.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tiercare.testing.OnTestDay;
import io.tiercare.tiering.support.Events;
import jakarta.inject.Inject;

/**
 * Erasure reaches what people wrote about a customer (override and appeal reasons, the history's reasons) in every
 * table of the schema; the erased id answers as an unknown one; tier.events announces the erasure and never
 * carried the words people wrote.
 */
@QuarkusTest
class ErasureTest extends OnTestDay {

    private static final String CHANGED = "tiercare.tier.changed.v1";

    @Inject
    DataSource dataSource;

    @Test
    void erasureReachesEveryReasonPeopleWroteAndTheErasedIdAnswersAsUnknown() throws SQLException {
        String customer = UUID.randomUUID().toString();
        String secret = "王女士13812348257";
        registered(customer, "2025-06-01T02:00:00Z", "am-erase");
        purchase(customer, UUID.randomUUID(), "40000.00", "2026-10-01T02:00:00Z");
        awaitTierEvent(customer, CHANGED, "\"scheme\":\"VALUE\"", "\"toTier\":\"IMPORTANT\"");

        asUser("sup-erase", "SUPERVISOR").contentType("application/json").body(Map.of("tier", "CORE", "reason",
                "客户" + secret + "是董事长亲戚", "expiresAt", "2027-01-31T16:00:00Z")).when()
                .put("/api/v1/customers/" + customer + "/tiers/VALUE/override").then().statusCode(200);
        ConsumerRecord<String, String> up = awaitTierEvent(customer, CHANGED, "\"toTier\":\"CORE\"");
        assertThat(JsonPath.from(up.value()).getString("reason")).isEqualTo("override by sup-erase");
        assertThat(up.value()).doesNotContain(secret);
        long change = as("ANALYST").queryParam("scheme", "VALUE").when()
                .get("/api/v1/customers/" + customer + "/tiers/history").then().statusCode(200).extract()
                .jsonPath().getLong("items[0].id");
        asUser("am-erase", "ACCOUNT_MANAGER").contentType("application/json").body(Map.of("scheme", "VALUE",
                "changeId", change, "reason", "客户" + secret + "要求复核")).when()
                .post("/api/v1/customers/" + customer + "/tiers/appeals").then().statusCode(201);
        assertThat(tablesContaining(secret)).isNotEmpty();

        Events.customer(customer, "erased", """
                {"customerId":"%s","erasedAt":"2026-11-22T09:00:00Z"}""".formatted(customer));
        ConsumerRecord<String, String> erased = awaitTierEvent(customer, "tiercare.tier.customer-erased.v1");
        assertThat(JsonPath.from(erased.value()).getString("erasedAt")).isEqualTo("2026-11-22T09:00:00Z");

        assertThat(tablesContaining(secret)).as("columns still holding the words about the customer").isEmpty();
        String unknown = UUID.randomUUID().toString();
        as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers").then().statusCode(404);
        as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers/history").then().statusCode(404);
        as("ANALYST").when().get("/api/v1/customers/" + unknown + "/tiers").then().statusCode(404);
    }

    /** Every text column of every table in the schema holding {@code text}, as table.column. */
    private List<String> tablesContaining(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("select table_name, column_name from "
                    + "information_schema.columns where table_schema = current_schema() and data_type in "
                    + "('text', 'character varying', 'json', 'jsonb')");
                    ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] { rows.getString(1), rows.getString(2) });
                }
            }
            for (String[] column : columns) {
                try (PreparedStatement q = c.prepareStatement("select count(*) from " + column[0] + " where \""
                        + column[1] + "\"::text like ?")) {
                    q.setString(1, "%" + text + "%");
                    try (ResultSet rows = q.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }
}

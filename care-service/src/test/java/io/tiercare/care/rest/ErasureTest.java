package io.tiercare.care.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.testing.TestApi.asUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiercare.care.support.Customers;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestKafka;
import jakarta.inject.Inject;

/**
 * customer.erased: the customer's open tasks are cancelled and nothing personal about them is left in any table of
 * the schema (a scan of every column proves it); the anonymous facts stay for coverage.
 */
@QuarkusTest
class ErasureTest extends OnTestDay {

    private static final String AM_ERASE_1 = Customers.manager("am-erase-1");

    private static final String PHONE = "13987654321";
    private static final String REASON = "客户王小二住院";
    private static final String BIRTHDAY = "1977-07-07";
    private static final String MOBILE = "13911112222";
    private static final String EMAIL = "xiaoer.wang@example.com";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.group.id")
    String group;

    @Test
    void nothingPersonalIsLeftInAnyTableAfterErasure() throws SQLException {
        String customer = Customers.announce(AM_ERASE_1, """
                {"name":"王小二","gender":"MALE","birthday":"%s","mobilePhone":"+86%s","email":"%s","tags":[]}"""
                .formatted(BIRTHDAY, MOBILE, EMAIL));
        TestKafka.sendEvent("customer.events", customer, "tiercare.customer.preferences-changed.v1",
                "/tiercare/customer-service", """
                        {"customerId":"%s","preferredChannel":"WECHAT","contactWindows":[{"days":["SATURDAY"],
                         "from":"10:00:00","to":"18:00:00"}],"doNotDisturb":false,"changedAt":"2026-11-02T00:00:00Z"}"""
                        .formatted(customer));
        Customers.tier(dataSource, customer, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        Customers.awaitOpen(dataSource, customer, "CORE_GIFT", 1);
        assertThat(TestDatabase.text(dataSource, "select contact_windows::text from care_customer where customer_id "
                + "= ?::uuid", customer)).contains("SATURDAY");
        String visit = task(customer, "CORE_VISIT");
        String gift = task(customer, "CORE_GIFT");
        asUser(AM_ERASE_1, "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(Map.of("outcome", "REACHED", "satisfaction", 5, "notes", "新手机 " + PHONE)).when()
                .post("/api/v1/care-tasks/" + visit + "/complete").then().statusCode(200);
        asUser(AM_ERASE_1, "ACCOUNT_MANAGER").contentType(ContentType.JSON).body(Map.of("dueOn", "2026-12-20",
                "reason", REASON)).when().post("/api/v1/care-tasks/" + gift + "/reschedule").then().statusCode(200);
        String message = as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("customerId", customer,
                "templateCode", "DELIVERY_NOTICE_EMAIL", "occasion", "APPOINTMENT:erase-1", "values",
                Map.of("sender.name", "小段"))).when().post("/api/v1/care-messages").then().statusCode(202).extract()
                .path("id");
        Customers.await(dataSource, "select count(*) from care_message where customer_id = ?::uuid and status = "
                + "'SENT'", customer);
        // the scan finds what is there before: the birthday, the notes, how to reach the customer, what was sent
        assertThat(hits()).contains("care_message.recipient", "care_contact_point.email",
                "care_contact_point.mobile_phone",
                "care_contact_point.name", "care_customer.birthday");

        TestKafka.sendEvent("customer.events", customer, "tiercare.customer.erased.v1",
                "/tiercare/customer-service", """
                        {"customerId":"%s","erasedAt":"2026-11-22T09:00:00Z"}""".formatted(customer));
        Customers.await(dataSource, "select count(*) from care_customer where customer_id = ?::uuid and erased_at "
                + "is not null", customer);

        assertThat(hits()).isEmpty();
        assertThat(TestDatabase.text(dataSource, "select status || ' ' || kind from care_message where id = ?::uuid",
                message)).isEqualTo("SENT APPOINTMENT"); // the fact of the message stays
        assertThat(TestDatabase.text(dataSource, "select status from care_task where id = ?::uuid", gift))
                .isEqualTo("CANCELLED");
        assertThat(TestDatabase.text(dataSource, "select outcome || ' ' || satisfaction from care_task where id = "
                + "?::uuid", visit)).isEqualTo("REACHED 5"); // the anonymous facts stay for coverage
        assertThat(TestDatabase.number(dataSource, "select count(*) from care_customer_tier where customer_id = "
                + "?::uuid", customer)).isZero();
        assertThat(TestDatabase.text(dataSource, "select contact_windows::text from care_customer where customer_id "
                + "= ?::uuid", customer)).isEqualTo("[]");
    }

    private String task(String customer, String item) {
        return TestDatabase.text(dataSource, "select id::text from care_task where customer_id = ?::uuid and "
                + "item_code = ?", customer, item);
    }

    @Test
    void aTombstoneForgetsHowToReachTheCustomerAndNoSnapshotIsKeptForAnErasedOne() {
        String merged = Customers.announce(AM_ERASE_1, """
                {"name":"赵合并","gender":"FEMALE","birthday":"1979-03-03","mobilePhone":"+8613900001111","tags":[]}""");
        Customers.await(dataSource, "select count(*) from care_customer where customer_id = ?::uuid and birthday = "
                + "'1979-03-03'", merged);
        assertThat(TestDatabase.text(dataSource, "select name || ' ' || mobile_phone from care_contact_point where "
                + "customer_id = ?::uuid", merged)).isEqualTo("赵合并 +8613900001111");

        // customer-service merged the record into another: its personal data under this id is forgotten
        Customers.personalDataErased(merged);
        Customers.await(dataSource, "select count(*) from care_contact_point where customer_id = ?::uuid", merged, 0);
        Customers.await(dataSource, "select count(*) from care_customer where customer_id = ?::uuid and birthday is "
                + "null", merged);

        // an erased customer: a snapshot read afterwards (a replay of the topic) is not kept
        String erased = Customers.registered(dataSource, AM_ERASE_1);
        TestKafka.sendEvent("customer.events", erased, "tiercare.customer.erased.v1", "/tiercare/customer-service",
                """
                        {"customerId":"%s","erasedAt":"2026-11-22T09:00:00Z"}""".formatted(erased));
        Customers.await(dataSource, "select count(*) from care_customer where customer_id = ?::uuid and erased_at "
                + "is not null and birthday is null", erased);
        Customers.personalData(erased, """
                {"name":"钱重放","birthday":"1966-06-06","mobilePhone":"+8613900002222","tags":[]}""",
                "2026-11-23T00:00:00Z");
        TestKafka.awaitCaughtUp(group, Customers.PERSONAL_DATA, Customers.PATIENCE);
        assertThat(TestDatabase.number(dataSource, "select count(*) from care_contact_point where customer_id = "
                + "?::uuid", erased)).isZero();
        assertThat(TestDatabase.number(dataSource, "select count(*) from care_customer where customer_id = ?::uuid "
                + "and birthday is not null", erased)).isZero();
    }

    @Test
    void anUnreadableSnapshotIsSkippedNeverDeadLetteredAndTheNextOneApplies() {
        String customer = Customers.registered(dataSource, AM_ERASE_1);
        TestKafka.sendEvent(Customers.PERSONAL_DATA, customer, "tiercare.customer.personal-data.v1",
                "/tiercare/customer-service", "{\"name\":\"孙不可读\",\"birthday\":\"1990-13-45\"}");
        Customers.personalData(customer, """
                {"name":"孙可读","birthday":"1990-02-03","tags":[]}""", "2026-11-23T00:00:00Z");
        Customers.await(dataSource, "select count(*) from care_customer where customer_id = ?::uuid and birthday = "
                + "'1990-02-03'", customer);
        TestKafka.awaitCaughtUp(group, Customers.PERSONAL_DATA, Customers.PATIENCE);
        // a dead-letter topic is not compacted: the unreadable snapshot, personal data and all, is not copied there
        assertThat(TestKafka.readAll("care-service.dlq")).noneMatch(r -> customer.equals(r.key()));
        io.restassured.RestAssured.given().when().get("/q/metrics").then().statusCode(200).body(
                org.hamcrest.Matchers.matchesPattern("(?s).*tiercare_care_personal_data_unreadable_total(\\{[^}]*})? "
                        + "[1-9].*"));
    }

    /** Every column of every table in the schema that holds a phone number, the reason, the name, email or birthday. */
    private List<String> hits() throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("select table_name, column_name from information_schema.columns "
                    + "where table_schema = current_schema() order by table_name, column_name")) {
                while (rows.next()) {
                    columns.add(new String[] { rows.getString(1), rows.getString(2) });
                }
            }
            for (String[] col : columns) {
                String sql = "select count(*) from \"" + col[0] + "\" where \"" + col[1] + "\"::text like '%" + PHONE
                        + "%' or \"" + col[1] + "\"::text like '%" + REASON + "%' or \"" + col[1] + "\"::text = '"
                        + BIRTHDAY + "' or \"" + col[1] + "\"::text like '%" + MOBILE + "%' or \"" + col[1]
                        + "\"::text like '%" + EMAIL + "%' or \"" + col[1] + "\"::text like '%王小二%'";
                try (ResultSet rows = s.executeQuery(sql)) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        hits.add(col[0] + "." + col[1]);
                    }
                }
            }
        }
        return hits;
    }
}

package io.tiercare.care.rest;

import static io.tiercare.testing.TestApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiercare.care.support.Customers;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestMail;
import io.tiercare.testing.TestMail.Mail;
import jakarta.inject.Inject;

/**
 * The daily greeting run: birthdays (29 February on the 28th in common years), festivals from the calendar with
 * their offer, each customer greeted once per occasion however often the run repeats, on the channel they can be
 * reached on, and the greeting really mailed.
 */
@QuarkusTest
class GreetingTest extends OnTestDay {

    private static final String MANAGER = Customers.manager("am-greet");

    @Inject
    DataSource dataSource;

    @Test
    void aBirthdayIsGreetedOnceOnTheDayByEmailWhereTheCustomerConsented() {
        String email = "bday." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String customer = born("1990-11-23", "段晓明", "MALE", email);
        Customers.consent(dataSource, customer, "EMAIL", true, "2026-11-20T00:00:00Z");
        String other = born("1990-11-24", "王芳", "FEMALE", "other." + UUID.randomUUID() + "@example.com");

        run("2026-11-23");
        assertThat(messages(customer)).singleElement().satisfies(m -> {
            assertThat(m.get("occasion")).isEqualTo("BIRTHDAY:2026");
            assertThat(m.get("channel")).isEqualTo("EMAIL");
            assertThat(m.get("templateCode")).isEqualTo("BIRTHDAY_EMAIL");
        });
        assertThat(messages(other)).isEmpty();
        Mail mail = TestMail.await(m -> m.rcptTos().contains(email), Duration.ofSeconds(20));
        assertThat(mail.subject()).isEqualTo("段先生,生日快乐!");
        assertThat(mail.text()).startsWith("亲爱的段先生:").doesNotContain("生日礼遇");

        JsonPath again = run("2026-11-23");
        assertThat(again.getInt("placed.'BIRTHDAY:2026'")).isZero();
        assertThat(messages(customer)).hasSize(1);
        assertThat(TestMail.to(email)).hasSize(1);
    }

    @Test
    void aBirthdayGreetingCarriesTheOfferTheMembershipLevelGrants() {
        String email = "offer." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String customer = born("1991-11-25", "王芳", "FEMALE", email);
        Customers.consent(dataSource, customer, "EMAIL", true, "2026-11-20T00:00:00Z");
        TestKafka.sendEvent("tier.events", customer, "tiercare.tier.changed.v1", "/tiercare/tiering-service", """
                {"customerId":"%s","scheme":"MEMBERSHIP","fromTier":"STANDARD","toTier":"VIP","direction":"UP",
                 "reason":"purchase","policyVersion":1,"effectiveAt":"2026-11-20T00:00:00Z",
                 "benefits":{"discountPercent":15,"birthdayOffer":true}}""".formatted(customer));
        Customers.await(dataSource, "select count(*) from care_customer_tier where customer_id = ?::uuid and "
                + "benefits ->> 'birthdayOffer' = 'true'", customer);
        String plain = born("1991-11-25", "李娜", "FEMALE", "plain." + UUID.randomUUID() + "@example.com");

        run("2026-11-25");
        Mail mail = TestMail.await(m -> m.rcptTos().contains(email), Duration.ofSeconds(20));
        assertThat(mail.text()).contains("您的生日礼遇:生日当月到店可领取会员生日礼一份。");
        assertThat(TestDatabase.text(dataSource, "select placeholder_values::text from care_message where "
                + "customer_id = ?::uuid", plain)).isEqualTo("{}");
    }

    @Test
    void theTwentyNinthOfFebruaryIsGreetedOnTheTwentyEighthInCommonYears() {
        String leapling = born("2000-02-29", "欧阳娜娜", "FEMALE", "leap." + UUID.randomUUID() + "@example.com");
        run("2027-02-28");
        assertThat(messages(leapling)).extracting(m -> m.get("occasion")).containsExactly("BIRTHDAY:2027");
        run("2028-02-28");
        assertThat(messages(leapling)).hasSize(1);
        run("2028-02-29");
        assertThat(messages(leapling)).extracting(m -> m.get("occasion"))
                .containsExactlyInAnyOrder("BIRTHDAY:2027", "BIRTHDAY:2028");
    }

    @Test
    void aFestivalFromTheCalendarGreetsEveryoneOnceWithItsOfferOnTheirChannel() {
        String email = "fest." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String mailed = born("1985-01-01", "李娜", "FEMALE", email);
        Customers.consent(dataSource, mailed, "EMAIL", true, "2026-11-20T00:00:00Z");
        String texted = born("1985-01-02", "张伟", "MALE", "sms." + UUID.randomUUID() + "@example.com");
        Customers.consent(dataSource, texted, "SMS", true, "2026-11-20T00:00:00Z");
        TestKafka.sendEvent("customer.events", texted, "tiercare.customer.preferences-changed.v1",
                "/tiercare/customer-service", """
                        {"customerId":"%s","preferredChannel":"SMS","contactWindows":[],"doNotDisturb":false,
                         "changedAt":"2026-11-21T00:00:00Z"}""".formatted(texted));
        Customers.await(dataSource, "select count(*) from care_customer where customer_id = ?::uuid and "
                + "preferred_channel = 'SMS'", texted);
        String silent = born("1985-01-03", "赵敏", "FEMALE", "silent." + UUID.randomUUID() + "@example.com");

        String code = "WINTER_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("day", "2026-12-22", "name", "冬至",
                "offer", "到店领取汤圆一份")).when().put("/api/v1/festivals/" + code).then().statusCode(200)
                .body("code", equalTo(code));
        as("ANALYST").when().get("/api/v1/festivals?year=2026").then().statusCode(200)
                .body("items.code", hasItems(code, "SPRING_FESTIVAL", "MID_AUTUMN"));

        JsonPath first = run("2026-12-22");
        assertThat(first.getInt("placed.'FESTIVAL:" + code + ":2026'")).isGreaterThanOrEqualTo(3);
        String occasion = "FESTIVAL:" + code + ":2026";
        assertThat(messages(mailed)).singleElement().satisfies(m -> {
            assertThat(m.get("occasion")).isEqualTo(occasion);
            assertThat(m.get("channel")).isEqualTo("EMAIL");
        });
        assertThat(messages(texted)).singleElement().satisfies(m -> assertThat(m.get("channel")).isEqualTo("SMS"));
        assertThat(messages(silent)).singleElement().satisfies(m -> assertThat(m.get("channel")).isEqualTo("EMAIL"));
        Mail mail = TestMail.await(m -> m.rcptTos().contains(email), Duration.ofSeconds(20));
        assertThat(mail.subject()).isEqualTo("66号定制家居恭祝您冬至快乐");
        assertThat(mail.text()).contains("尊敬的李女士:").contains("节日礼遇:到店领取汤圆一份。");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SUPPRESSED".equals(status(silent)));
        assertThat(run("2026-12-22").getInt("placed.'" + occasion + "'")).isZero();
        assertThat(TestDatabase.number(dataSource, "select count(*) from care_message where occasion = ? and "
                + "customer_id = any(array[?::uuid, ?::uuid, ?::uuid])", occasion, mailed, texted, silent))
                .isEqualTo(3L);
    }

    @Test
    void twoRunsRacingForTheSameDayGreetEachCustomerOnce() throws Exception {
        List<String> customers = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            customers.add(born("1993-11-26", "客户", "FEMALE", "race" + i + "." + UUID.randomUUID() + "@example.com"));
        }
        // customers replayed from earlier runs on the shared broker may share the birthday: count what the runs add
        long before = greeted("BIRTHDAY:2026");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<JsonPath>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return run("2026-11-26");
                }));
            }
            start.countDown();
            int placed = 0;
            for (java.util.concurrent.Future<JsonPath> run : runs) {
                placed += run.get(60, java.util.concurrent.TimeUnit.SECONDS).getInt("placed.'BIRTHDAY:2026'");
            }
            assertThat(placed).as("greetings placed by both runs together").isEqualTo(greeted("BIRTHDAY:2026") - before)
                    .isGreaterThanOrEqualTo(customers.size());
        } finally {
            pool.shutdownNow();
        }
        for (String customer : customers) {
            assertThat(messages(customer)).hasSize(1);
        }
    }

    @Test
    void festivalsAndRunsAreCheckedAndForAdminsOnly() {
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("day", "2026-12-22", "name", "冬至")).when()
                .put("/api/v1/festivals/winter").then().statusCode(400).body("violations[0].field", equalTo("code"));
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("name", "冬至")).when()
                .put("/api/v1/festivals/WINTER").then().statusCode(400);
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("day", "2026-12-22", "name", "冬至")).when()
                .put("/api/v1/festivals/WINTER").then().statusCode(403);
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of()).when().post("/api/v1/greeting-runs").then()
                .statusCode(403);
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("day", "99999-01-01")).when()
                .post("/api/v1/greeting-runs").then().statusCode(400);
        as("ANALYST").when().get("/api/v1/festivals?year=1").then().statusCode(400)
                .body("violations[0].field", equalTo("year"));
    }

    private String born(String birthday, String name, String gender, String email) {
        String customer = Customers.announce(MANAGER, """
                {"name":"%s","gender":"%s","birthday":"%s","email":"%s","tags":[]}"""
                .formatted(name, gender, birthday, email));
        Customers.await(dataSource, "select count(*) from care_contact_point where customer_id = ?::uuid", customer);
        Customers.await(dataSource, "select count(*) from care_customer where customer_id = ?::uuid and registered "
                + "and birthday is not null", customer);
        return customer;
    }

    private long greeted(String occasion) {
        return Long.parseLong(io.tiercare.testing.TestDatabase.text(dataSource,
                "select count(*)::text from care_message where occasion = ?", occasion));
    }

    private static JsonPath run(String day) {
        return as("ADMIN").contentType(ContentType.JSON).body(Map.of("day", day)).when()
                .post("/api/v1/greeting-runs").then().statusCode(200).body("day", equalTo(day)).extract().jsonPath();
    }

    private static List<Map<String, Object>> messages(String customer) {
        return as("SUPERVISOR").when().get("/api/v1/care-messages?customerId=" + customer).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static String status(String customer) {
        return (String) messages(customer).get(0).get("status");
    }
}

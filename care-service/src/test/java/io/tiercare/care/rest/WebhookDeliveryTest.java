package io.tiercare.care.rest;

import static io.tiercare.testing.TestApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiercare.care.delivery.WebhookDelivery;
import io.tiercare.care.support.Customers;
import io.tiercare.care.support.Messages;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

/**
 * SMS through the provider's webhook, received by a real HTTP server in the test: the provider's signature and
 * template code with named values (never free text), an idempotency key, an HMAC signature the receiver can check;
 * retries with backoff on 5xx, FAILED at once on a refusal; receipts; and URLs that would reach inside refused.
 */
@QuarkusTest
class WebhookDeliveryTest extends OnTestDay {

    private static final String SECRET = "webhook-secret-for-tests-0001";
    private static final String MANAGER = Customers.manager("am-sms");
    private static final Map<String, String> APPOINTMENT = Map.of("sender.department", "客服部", "sender.name", "小段",
            "appointment.date", "2018年8月15日", "appointment.time", "上午11点");

    /** What the receiver got: headers and body. */
    record Received(String idempotencyKey, String signature, String body) {
    }

    @Inject
    DataSource dataSource;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("X-TierCare-Signature"), body));
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("url", url(), "secret", SECRET, "timeoutMs", 2000))
                .when().put("/api/v1/delivery-providers/SMS").then().statusCode(200)
                .body("secretEndsWith", equalTo("0001")).body("url", equalTo(url()));
    }

    @AfterEach
    void stopReceiver() {
        as("ADMIN").when().delete("/api/v1/delivery-providers/SMS").then().statusCode(204);
        receiver.stop(0);
    }

    @Test
    void anSmsGoesOutAsTheProvidersTemplateWithNamedValuesSignedAndOnce() {
        String customer = Customers.reachable(dataSource, MANAGER, "段晓明", "MALE", "+8613700000011",
                "sms-1@example.com");
        String id = place(customer, "APPOINTMENT:sms-signed");
        Messages.awaitStatus(id, "SENT");
        Received request = requestsFor(id).get(0);
        assertThat(request.idempotencyKey()).isEqualTo(id);
        String timestamp = request.signature().replaceAll("^t=(\\d+),v1=.*$", "$1");
        assertThat(request.signature()).isEqualTo("t=" + timestamp + ",v1="
                + WebhookDelivery.sign(SECRET, Long.parseLong(timestamp), request.body()));
        JsonPath body = JsonPath.from(request.body());
        assertThat(body.getString("to")).isEqualTo("+8613700000011");
        assertThat(body.getString("signName")).isEqualTo("66号定制家居");
        assertThat(body.getString("templateCode")).isEqualTo("SMS_DELIVERY_NOTICE");
        assertThat(body.getMap("params")).containsEntry("customerSalutation", "段先生")
                .containsEntry("appointmentDate", "2018年8月15日").containsEntry("appointmentTime", "上午11点")
                .containsEntry("companyName", "66号定制家居").containsEntry("senderName", "小段").hasSize(7);
        assertThat(body.getString("text")).isNull();

        as("INTEGRATION").contentType(ContentType.JSON).body(Map.of("status", "DELIVERED")).when()
                .post("/api/v1/care-messages/" + id + "/receipts").then().statusCode(200)
                .body("receiptStatus", equalTo("DELIVERED"));
        as("INTEGRATION").contentType(ContentType.JSON).body(Map.of("status", "DELIVERED")).when()
                .post("/api/v1/care-messages/" + id + "/receipts").then().statusCode(200);
        as("INTEGRATION").contentType(ContentType.JSON).body(Map.of("status", "UNDELIVERED")).when()
                .post("/api/v1/care-messages/" + id + "/receipts").then().statusCode(409);
        as("ACCOUNT_MANAGER").contentType(ContentType.JSON).body(Map.of("status", "DELIVERED")).when()
                .post("/api/v1/care-messages/" + id + "/receipts").then().statusCode(403);
        assertThat(requestsFor(id)).hasSize(1);
    }

    @Test
    void aProviderThatFailsIsTriedAgainWithBackoffUnderTheSameKey() {
        String customer = Customers.reachable(dataSource, MANAGER, "王芳", "FEMALE", "+8613700000012",
                "sms-2@example.com");
        answers.add(503);
        answers.add(502);
        String id = place(customer, "APPOINTMENT:sms-retry");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> requestsFor(id).size() == 1
                && Messages.get(id).getInt("attempts") == 1);
        JsonPath waiting = Messages.get(id);
        assertThat(waiting.getString("status")).isEqualTo("PENDING");
        assertThat(waiting.getString("error")).isEqualTo("webhook: HTTP 503");
        assertThat(waiting.getString("sendAfter")).isEqualTo("2026-11-22T08:00:30Z"); // 30 s later
        clock.advance(Duration.ofSeconds(30));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Messages.get(id).getInt("attempts") == 2);
        assertThat(Messages.get(id).getString("sendAfter")).isEqualTo("2026-11-22T08:01:30Z"); // then a minute
        clock.advance(Duration.ofSeconds(60));
        Messages.awaitStatus(id, "SENT");
        assertThat(Messages.get(id).getInt("attempts")).isEqualTo(3);
        assertThat(requestsFor(id)).extracting(Received::idempotencyKey).containsExactly(id, id, id);
    }

    @Test
    void aRefusalFailsAtOnceWithTheStatusAndAnEvent() {
        String customer = Customers.reachable(dataSource, MANAGER, "李娜", "FEMALE", "+8613700000013",
                "sms-3@example.com");
        answers.add(400);
        String id = place(customer, "APPOINTMENT:sms-refused");
        JsonPath failed = Messages.awaitStatus(id, "FAILED");
        assertThat(failed.getString("error")).isEqualTo("webhook: HTTP 400");
        assertThat(TestOutbox.published(dataSource, "care.events", "tiercare.care.message-failed.v1"))
                .filteredOn(r -> r.value().contains(id)).singleElement()
                .satisfies(r -> assertThat(JsonPath.from(r.value()).getString("error"))
                        .isEqualTo("webhook: HTTP 400"));
    }

    @Test
    void urlsThatWouldReachInsideAreRefusedAndOnlyAdminsSetProviders() {
        for (String inside : List.of("https://10.0.0.7/sms", "https://169.254.169.254/latest/meta-data",
                "https://[::1]/sms", "http://sms.example.com/send", "https://user:pw@example.com/x")) {
            as("ADMIN").contentType(ContentType.JSON).body(Map.of("url", inside, "secret", SECRET, "timeoutMs", 2000))
                    .when().put("/api/v1/delivery-providers/WECHAT").then().statusCode(400)
                    .body("violations[0].field", equalTo("url"));
        }
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("url", url(), "secret", "short", "timeoutMs", 10))
                .when().put("/api/v1/delivery-providers/EMAIL").then().statusCode(400)
                .body("violations.field", equalTo(List.of("channel", "secret", "timeoutMs")));
        as("SUPERVISOR").when().get("/api/v1/delivery-providers").then().statusCode(403);
        as("ADMIN").when().get("/api/v1/delivery-providers").then().statusCode(200)
                .body("items.channel", equalTo(List.of("SMS")));
        as("ADMIN").when().delete("/api/v1/delivery-providers/WECHAT").then().statusCode(404);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/sms";
    }

    private List<Received> requestsFor(String id) {
        return received.stream().filter(r -> id.equals(r.idempotencyKey())).toList();
    }

    private static String place(String customer, String occasion) {
        return as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("customerId", customer, "templateCode",
                "DELIVERY_NOTICE_SMS", "occasion", occasion, "values", APPOINTMENT)).when()
                .post("/api/v1/care-messages").then().statusCode(202).extract().path("id");
    }
}

package io.tiercare.care.support;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;

import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestKafka;

/** Customers as customer-service and tiering-service announce them, and waits until care-service has heard. */
public final class Customers {

    public static final Duration PATIENCE = Duration.ofSeconds(60);
    public static final String PERSONAL_DATA = "customer.personal-data";
    /**
     * Suffix of every account manager id in this test JVM: a fresh consumer group replays every earlier run's (and
     * every other module's) events from the shared broker, so names must not collide with theirs.
     */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /** An account manager id unique to this test JVM. */
    public static String manager(String name) {
        return name + "-" + RUN;
    }

    /** A scheme code unique to this test JVM (tiers of a scheme no earlier run used). */
    public static String scheme(String name) {
        return name + "_" + RUN.toUpperCase();
    }

    private Customers() {
    }

    /** A registered customer of {@code manager} (null: none), known to care-service. */
    public static String registered(DataSource dataSource, String manager) {
        String customer = announce(manager, """
                {"name":"测试","birthday":"1988-05-20","tags":[]}""");
        await(dataSource, "select count(*) from care_customer where customer_id = ?::uuid and registered", customer);
        return customer;
    }

    /** A registered customer with a name and gender (so messages can address them), known to care-service. */
    public static String person(DataSource dataSource, String manager, String name, String gender) {
        String customer = announce(manager, """
                {"name":"%s","gender":"%s","tags":[]}""".formatted(name, gender));
        await(dataSource, "select count(*) from care_contact_point where customer_id = ?::uuid", customer);
        return customer;
    }

    /** A registered customer who can be written to: a name, gender, mobile number and email address. */
    public static String reachable(DataSource dataSource, String manager, String name, String gender, String mobile,
            String email) {
        String customer = announce(manager, """
                {"name":"%s","gender":"%s","mobilePhone":"%s","email":"%s","tags":[]}"""
                .formatted(name, gender, mobile, email));
        await(dataSource, "select count(*) from care_contact_point where customer_id = ?::uuid", customer);
        return customer;
    }

    /**
     * customer-service registers a customer of {@code manager} (null: none): the registration on customer.events, and
     * the personal data (the JSON fields other than the id and time) on customer.personal-data.
     */
    public static String announce(String manager, String personalFields) {
        String customer = UUID.randomUUID().toString();
        TestKafka.sendEvent("customer.events", customer, "tiercare.customer.registered.v2",
                "/tiercare/customer-service", """
                        {"customerId":"%s","type":"INDIVIDUAL","profile":{"usesCompetitor":false},
                         "accountManagerId":%s,"registeredAt":"2026-11-01T00:00:00Z"}""".formatted(customer,
                        manager == null ? "null" : "\"" + manager + "\""));
        personalData(customer, personalFields, "2026-11-01T00:00:00Z");
        return customer;
    }

    /** customer-service publishes the customer's personal data as of {@code at} (a whole snapshot). */
    public static void personalData(String customer, String personalFields, String at) {
        String fields = personalFields.strip();
        TestKafka.sendEvent(PERSONAL_DATA, customer, "tiercare.customer.personal-data.v1",
                "/tiercare/customer-service", "{\"customerId\":\"%s\",%s,\"changedAt\":\"%s\"}".formatted(customer,
                        fields.substring(1, fields.length() - 1), at));
    }

    /** customer-service's tombstone for the customer's personal data: a record with no value. */
    public static void personalDataErased(String customer) {
        ProducerRecord<String, String> tombstone = TestKafka.cloudEvent(PERSONAL_DATA, customer,
                UUID.randomUUID().toString(), "tiercare.customer.personal-data-erased.v1",
                "/tiercare/customer-service", null);
        TestKafka.send(tombstone);
    }

    /** customer-service announces that the customer granted or withdrew marketing consent for a channel. */
    public static void consent(DataSource dataSource, String customer, String channel, boolean granted, String at) {
        TestKafka.sendEvent("customer.events", customer, "tiercare.customer.consent-changed.v1",
                "/tiercare/customer-service", """
                        {"customerId":"%s","channel":"%s","granted":%s,"changedAt":"%s"}"""
                        .formatted(customer, channel, granted, at));
        await(dataSource, "select count(*) from care_customer where customer_id = ?::uuid and consents ->> '"
                + channel + "' = '" + granted + "'", customer);
    }

    /** tiering-service announces the customer's tier in {@code scheme}, effective at {@code effectiveAt}. */
    public static String tierEvent(String customer, String scheme, String from, String to, String effectiveAt) {
        String id = UUID.randomUUID().toString();
        TestKafka.send(TestKafka.cloudEvent("tier.events", customer, id, "tiercare.tier.changed.v1",
                "/tiercare/tiering-service", """
                        {"customerId":"%s","scheme":"%s","fromTier":"%s","toTier":"%s","direction":"UP",
                         "reason":"purchase","policyVersion":1,"effectiveAt":"%s"}"""
                        .formatted(customer, scheme, from, to, effectiveAt)));
        return id;
    }

    /** As {@link #tierEvent}, and waits until care-service holds that tier. */
    public static void tier(DataSource dataSource, String customer, String from, String to, String effectiveAt) {
        tierEvent(customer, "VALUE", from, to, effectiveAt);
        await(dataSource, "select count(*) from care_customer_tier where customer_id = ?::uuid and scheme = 'VALUE'"
                + " and tier = '" + to + "' and effective_at = '" + effectiveAt + "'", customer);
    }

    /** customer-service assigns the customer to another account manager. */
    public static void accountManager(DataSource dataSource, String customer, String manager, String at) {
        TestKafka.sendEvent("customer.events", customer, "tiercare.customer.account-manager-assigned.v1",
                "/tiercare/customer-service", """
                        {"customerId":"%s","previousAccountManagerId":null,"accountManagerId":"%s","assignedAt":"%s"}"""
                        .formatted(customer, manager, at));
        await(dataSource, "select count(*) from care_customer where customer_id = ?::uuid and account_manager_id = '"
                + manager + "'", customer);
    }

    /** The customer's open tasks of {@code item}, once there are {@code count}. */
    public static void awaitOpen(DataSource dataSource, String customer, String item, int count) {
        Awaitility.await().atMost(PATIENCE).until(() -> TestDatabase.number(dataSource, "select count(*) from "
                + "care_task where customer_id = ?::uuid and item_code = ? and status in ('SCHEDULED', 'IN_PROGRESS')",
                customer, item) == count);
    }

    public static void await(DataSource dataSource, String query, String customer) {
        await(dataSource, query, customer, 1);
    }

    /** Waits until the count the query gives for the customer is {@code count}. */
    public static void await(DataSource dataSource, String query, String customer, long count) {
        Awaitility.await().atMost(PATIENCE).until(() -> TestDatabase.number(dataSource, query, customer) == count);
    }
}

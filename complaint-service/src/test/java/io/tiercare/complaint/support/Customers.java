package io.tiercare.complaint.support;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;

import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestKafka;

/** Customers as customer-service and tiering-service announce them. */
public final class Customers {

    private Customers() {
    }

    /** Announces a new customer without waiting for complaint-service to hear of it. */
    public static String register() {
        return register(null);
    }

    private static String register(String accountManager) {
        String customer = UUID.randomUUID().toString();
        TestKafka.sendEvent("customer.events", customer, "tiercare.customer.registered.v2",
                "/tiercare/customer-service", """
                        {"customerId":"%s","type":"INDIVIDUAL","profile":{"usesCompetitor":false},"accountManagerId":%s,
                         "registeredAt":"2026-11-01T00:00:00Z"}""".formatted(customer,
                        accountManager == null ? "null" : "\"" + accountManager + "\""));
        return customer;
    }

    /** Announces a new customer and waits until complaint-service knows them. */
    public static String registered(DataSource dataSource) {
        return registered(dataSource, null);
    }

    /** As {@link #registered(DataSource)}, assigned to an account manager. */
    public static String registered(DataSource dataSource, String accountManager) {
        String customer = register(accountManager);
        awaitRow(dataSource, "select count(*) from customer_ref where customer_id = ?::uuid and registered",
                customer);
        return customer;
    }

    /** The customer's VALUE tier changes (as tiering-service announces it), and complaint-service has heard. */
    public static void valueTier(DataSource dataSource, String customer, String tier) {
        TestKafka.sendEvent("tier.events", customer, "tiercare.tier.changed.v1", "/tiercare/tiering-service", """
                {"customerId":"%s","scheme":"VALUE","fromTier":"IMPORTANT","toTier":"%s","direction":"UP",
                 "reason":"purchase","policyVersion":1,"effectiveAt":"2026-11-22T08:00:00Z"}"""
                .formatted(customer, tier));
        awaitRow(dataSource, "select count(*) from customer_ref where customer_id = ?::uuid and value_tier = '"
                + tier + "'", customer);
    }

    /** The customer is erased (as customer-service announces it), and complaint-service has applied it. */
    public static void erased(DataSource dataSource, String customer) {
        TestKafka.sendEvent("customer.events", customer, "tiercare.customer.erased.v1",
                "/tiercare/customer-service", """
                        {"customerId":"%s","erasedAt":"2026-11-22T09:00:00Z"}""".formatted(customer));
        awaitRow(dataSource, "select count(*) from customer_ref where customer_id = ?::uuid and erased_at is not null",
                customer);
    }

    private static void awaitRow(DataSource dataSource, String query, String customer) {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> TestDatabase.number(dataSource, query, customer) == 1);
    }
}

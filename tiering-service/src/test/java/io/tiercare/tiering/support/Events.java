package io.tiercare.tiering.support;


import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.tiercare.testing.TestKafka;

/** What the other services publish, sent to Kafka as they would; and what tiering publishes, awaited. */
public final class Events {

    private Events() {
    }

    public static void registered(String customer, String at) {
        registered(customer, at, null);
    }

    /** Registered with an account manager (null: none). */
    public static void registered(String customer, String at, String accountManager) {
        send("customer.events", customer, "tiercare.customer.registered.v2", "/tiercare/customer-service", """
                {"customerId":"%s","type":"INDIVIDUAL","profile":{"usesCompetitor":false,"referredBy":null},
                 "accountManagerId":%s,"registeredAt":"%s"}"""
                .formatted(customer, accountManager == null ? "null" : "\"" + accountManager + "\"", at));
    }

    public static void accountManagerAssigned(String customer, String accountManager) {
        customer(customer, "account-manager-assigned", """
                {"customerId":"%s","previousAccountManagerId":null,"accountManagerId":"%s",
                 "assignedAt":"2026-11-22T08:00:00Z"}""".formatted(customer, accountManager));
    }

    public static void purchase(String customer, UUID purchase, String amount, String at) {
        customer(customer, "purchase-recorded", """
                {"customerId":"%s","purchaseId":"%s","externalOrderId":"SO-%s","amount":%s,"currency":"CNY",
                 "purchasedAt":"%s","productCategory":"空调","channel":"STORE"}"""
                .formatted(customer, purchase, purchase, amount, at));
    }

    public static void complaintFiled(String customer, UUID complaint, String severity, String at) {
        complaint(customer, "filed", """
                {"complaintId":"%s","customerId":"%s","severity":"%s","category":"PRODUCT_QUALITY",
                 "channel":"HOTLINE","title":"空调不制冷","filedAt":"%s"}"""
                .formatted(complaint, customer, severity, at));
    }

    public static void complaintResolved(String customer, UUID complaint, String at) {
        complaint(customer, "resolved", """
                {"complaintId":"%s","customerId":"%s","resolvedAt":"%s"}""".formatted(complaint, customer, at));
    }

    public static void complaintRated(String customer, UUID complaint, int rating, String at) {
        complaint(customer, "rated", """
                {"complaintId":"%s","customerId":"%s","rating":%d,"comment":"一般","ratedAt":"%s"}"""
                .formatted(complaint, customer, rating, at));
    }

    /** A purchase sent as customer-service's relay sends it: with the trace and correlation id of its request. */
    public static void tracedPurchase(String customer, String amount, String at, String traceparent,
            String correlationId) {
        UUID purchase = UUID.randomUUID();
        TestKafka.sendEvent("customer.events", customer, "tiercare.customer.purchase-recorded.v1",
                "/tiercare/customer-service", """
                        {"customerId":"%s","purchaseId":"%s","externalOrderId":"SO-%s","amount":%s,"currency":"CNY",
                         "purchasedAt":"%s","productCategory":"空调","channel":"STORE"}"""
                        .formatted(customer, purchase, purchase, amount, at),
                java.util.Map.of("traceparent", traceparent, "ce_correlationid", correlationId));
    }

    public static void refund(String customer, UUID purchase, String amount, String at) {
        customer(customer, "purchase-refunded", """
                {"customerId":"%s","purchaseId":"%s","refundId":"%s","amount":%s,"refundedAt":"%s"}"""
                .formatted(customer, purchase, UUID.randomUUID(), amount, at));
    }

    public static void inquiry(String customer, String at) {
        customer(customer, "inquiry-recorded", """
                {"customerId":"%s","inquiryId":"%s","kind":"INQUIRY","channel":"APP","occurredAt":"%s"}"""
                .formatted(customer, UUID.randomUUID(), at));
    }

    /** Sends a record again exactly as it was (same key, value and headers, hence the same ce_id). */
    public static void resend(ConsumerRecord<String, String> record) {
        ProducerRecord<String, String> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
        record.headers().forEach(h -> copy.headers().add(h.key(), h.value()));
        TestKafka.send(copy);
    }

    public static void customer(String customer, String type, String data) {
        send("customer.events", customer, "tiercare.customer." + type + ".v1", "/tiercare/customer-service", data);
    }

    public static void complaint(String customer, String type, String data) {
        send("complaint.events", customer, "tiercare.complaint." + type + ".v1", "/tiercare/complaint-service",
                data);
    }

    private static void send(String topic, String customer, String type, String source, String data) {
        TestKafka.sendEvent(topic, customer, type, source, data);
    }

    /** The customer's event of that type on tier.events whose data contains every fragment. */
    public static ConsumerRecord<String, String> awaitTierEvent(String customer, String type, String... fragments) {
        return TestKafka.awaitRecord("tier.events", r -> customer.equals(r.key())
                && type.equals(TestKafka.header(r, "ce_type"))
                && java.util.Arrays.stream(fragments).allMatch(r.value()::contains), Duration.ofSeconds(30));
    }
}

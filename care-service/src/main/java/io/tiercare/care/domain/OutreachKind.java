package io.tiercare.care.domain;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a message is for, and the placeholders its templates may use. Every kind knows the customer (称呼 and family
 * name) and the company (name, hotline); each adds its own.
 */
public enum OutreachKind {
    BIRTHDAY(Purpose.MARKETING, "offer"),
    FESTIVAL(Purpose.MARKETING, "festival.name", "offer"),
    WELCOME_GIFT(Purpose.MARKETING, "gift.name", "tier.name", "sender.name", "sender.department"),
    CARE_OFFER(Purpose.MARKETING, "tier.name", "offer"),
    APPOINTMENT(Purpose.SERVICE, "appointment.date", "appointment.time", "sender.name", "sender.department"),
    COMPLAINT_FOLLOW_UP(Purpose.COMPLAINT, "complaint.reference", "sender.name", "sender.department"),
    /** A complaint was acknowledged: it is being handled, and by when it will be resolved. */
    COMPLAINT_RECEIVED(Purpose.COMPLAINT, "complaint.reference", "complaint.resolveBy"),
    /** A complaint was resolved: what happens next (a follow-up, a rating). */
    COMPLAINT_RESOLVED(Purpose.COMPLAINT, "complaint.reference");

    /** Why a kind of message is sent, which decides the rules it passes. */
    private enum Purpose {
        MARKETING, SERVICE, COMPLAINT
    }

    private final Purpose purpose;
    private final Set<String> placeholders;

    OutreachKind(Purpose purpose, String... own) {
        this.purpose = purpose;
        Set<String> all = new TreeSet<>(Common.PLACEHOLDERS);
        all.addAll(List.of(own));
        this.placeholders = all;
    }

    /** What every kind knows: the customer (称呼, family name) and the company (name, hotline). */
    static final class Common {
        static final List<String> PLACEHOLDERS = List.of("customer.salutation", "customer.familyName",
                "company.name", "company.hotline");

        private Common() {
        }
    }

    /** Marketing needs the customer's consent for the channel; service messages (appointments, follow-ups) do not. */
    public boolean marketing() {
        return purpose == Purpose.MARKETING;
    }

    /** Complaint communication: the contact budget never holds it back, though it counts against it. */
    public boolean complaint() {
        return purpose == Purpose.COMPLAINT;
    }

    /** The placeholders a template of this kind may use, e.g. {@code customer.salutation}. */
    public Set<String> placeholders() {
        return placeholders;
    }
}

package io.tiercare.care.domain;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a message is for, and the placeholders its templates may use. Every kind knows the customer (称呼 and family
 * name) and the company (name, hotline); each adds its own.
 */
public enum OutreachKind {
    BIRTHDAY(true, "offer"),
    FESTIVAL(true, "festival.name", "offer"),
    WELCOME_GIFT(true, "gift.name", "tier.name", "sender.name", "sender.department"),
    CARE_OFFER(true, "tier.name", "offer"),
    APPOINTMENT(false, "appointment.date", "appointment.time", "sender.name", "sender.department"),
    COMPLAINT_FOLLOW_UP(false, "complaint.reference", "sender.name", "sender.department");

    private final boolean marketing;
    private final Set<String> placeholders;

    OutreachKind(boolean marketing, String... own) {
        this.marketing = marketing;
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
        return marketing;
    }

    /** The placeholders a template of this kind may use, e.g. {@code customer.salutation}. */
    public Set<String> placeholders() {
        return placeholders;
    }
}

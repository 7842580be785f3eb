package io.tiercare.care.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.tiercare.care.CareConfig;
import io.tiercare.care.domain.CareChannel;
import io.tiercare.care.domain.ChineseDates;
import io.tiercare.care.domain.OutreachKind;
import io.tiercare.care.repository.CustomerRepository;
import io.tiercare.care.repository.MessageRepository;
import io.tiercare.care.repository.TemplateRepository;
import io.tiercare.care.repository.TemplateRepository.TemplateRow;
import io.tiercare.chassis.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What the customer hears about their complaint, from complaint-service's events: that it was received and by when
 * it will be resolved (on {@code complaint.acknowledged}), and that it was resolved (on {@code complaint.resolved},
 * once per resolution: a reopened complaint resolved again is told again). The messages go through the dispatcher
 * like any other: the contact budget never holds them back, but they count against it, so the month's greetings and
 * offers give way to a customer's complaint. Sent on the channel the customer prefers when a template exists for it,
 * else by email, SMS or WeChat, the first with a template. A notice whose event is older than
 * {@code tiercare.care.complaint-notice-max-age} (a day) is not sent: a replay of the topic, or a service deployed on
 * years of complaints, tells nobody about a complaint long settled.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ComplaintNotices {

    private static final Logger LOG = Logger.getLogger(ComplaintNotices.class);
    private static final List<CareChannel> FALLBACK = List.of(CareChannel.EMAIL, CareChannel.SMS,
            CareChannel.WECHAT);
    static final String PLACED_BY = "complaint-service";

    private final CustomerRepository customers;
    private final TemplateRepository templates;
    private final MessageRepository messages;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final Duration maxAge;

    ComplaintNotices(CustomerRepository customers, TemplateRepository templates, MessageRepository messages,
            BusinessTime businessTime, Clock clock, CareConfig config) {
        this.maxAge = config.complaintNoticeMaxAge();
        this.customers = customers;
        this.templates = templates;
        this.messages = messages;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /** The complaint was acknowledged: tell the customer, with the resolve-by deadline when there is one. */
    public void acknowledged(UUID customerId, UUID complaintId, Instant resolveBy, Instant acknowledgedAt) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("complaint.reference", reference(complaintId));
        if (resolveBy != null) {
            ZonedDateTime local = resolveBy.atZone(businessTime.zone());
            values.put("complaint.resolveBy", ChineseDates.date(local.toLocalDate())
                    + ChineseDates.time(local.toLocalTime()));
        }
        place(customerId, OutreachKind.COMPLAINT_RECEIVED, "COMPLAINT_RECEIVED:" + complaintId, values,
                acknowledgedAt);
    }

    /** The complaint was resolved (again, after a reopening: each resolution is told). */
    public void resolved(UUID customerId, UUID complaintId, Instant resolvedAt) {
        place(customerId, OutreachKind.COMPLAINT_RESOLVED, "COMPLAINT_RESOLVED:" + complaintId + ":" + resolvedAt,
                Map.of("complaint.reference", reference(complaintId)), resolvedAt);
    }

    /**
     * The reference a customer quotes on the phone: the complaint id's last eight characters, upper case (its random
     * part: the first characters of a time-ordered id are the same for every complaint of the same minute).
     */
    static String reference(UUID complaintId) {
        String id = complaintId.toString();
        return id.substring(id.length() - 8).toUpperCase(Locale.ROOT);
    }

    private void place(UUID customerId, OutreachKind kind, String occasion, Map<String, String> values,
            Instant happenedAt) {
        if (!customers.find(customerId).map(c -> c.active()).orElse(false)) {
            return;
        }
        Instant now = Instant.now(clock);
        if (happenedAt.plus(maxAge).isBefore(now)) {
            LOG.infof("Customer %s is not told of %s: it happened at %s, more than %s ago", customerId, occasion,
                    happenedAt, maxAge);
            return;
        }
        Map<CareChannel, String> byChannel = new LinkedHashMap<>();
        for (TemplateRow row : templates.current()) {
            if (row.template().kind() == kind) {
                byChannel.putIfAbsent(row.template().channel(), row.template().code());
            }
        }
        CareChannel channel = channel(customers.preferredChannel(customerId), byChannel);
        if (channel == null) {
            LOG.warnf("No %s template: customer %s is not told about complaint occasion %s", kind, customerId,
                    occasion);
            return;
        }
        messages.placeOnce(customerId, occasion, kind, channel, byChannel.get(channel), values, PLACED_BY, now);
    }

    /** The customer's preferred channel when a template exists for it, else the first fallback with one. */
    static CareChannel channel(String preferred, Map<CareChannel, String> templates) {
        for (CareChannel channel : templates.keySet()) {
            if (channel.name().equals(preferred)) {
                return channel;
            }
        }
        return FALLBACK.stream().filter(templates::containsKey).findFirst().orElse(null);
    }
}

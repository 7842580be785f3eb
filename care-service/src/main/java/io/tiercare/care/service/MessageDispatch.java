package io.tiercare.care.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkus.qute.Engine;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.tiercare.care.CareConfig;
import io.tiercare.care.delivery.Delivery.Outgoing;
import io.tiercare.care.delivery.Delivery.Result;
import io.tiercare.care.delivery.EmailDelivery;
import io.tiercare.care.delivery.WebhookDelivery;
import io.tiercare.care.domain.CareChannel;
import io.tiercare.care.domain.CareMessage;
import io.tiercare.care.domain.ContactRules;
import io.tiercare.care.domain.ContactRules.Decision;
import io.tiercare.care.domain.ContactRules.Standing;
import io.tiercare.care.domain.ContactRules.Wishes;
import io.tiercare.care.domain.MessageTemplate;
import io.tiercare.care.domain.event.MessageEvent;
import io.tiercare.care.messaging.CareEventPublisher;
import io.tiercare.care.repository.ContactPointRepository;
import io.tiercare.care.repository.ContactPointRepository.ContactPoint;
import io.tiercare.care.repository.CustomerRepository;
import io.tiercare.care.repository.MessageRepository;
import io.tiercare.care.repository.ProviderRepository;
import io.tiercare.care.repository.TemplateRepository;
import io.tiercare.care.repository.TemplateRepository.TemplateRow;
import io.tiercare.chassis.batch.Drain;
import io.tiercare.chassis.outage.DatabaseOutage;
import io.tiercare.chassis.outage.InfrastructureFailure;
import io.tiercare.chassis.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * Sends what is due: every waiting message whose moment has come is decided again by the contact rules as they are
 * now (a consent withdrawn after placing holds it back), then rendered from its template's newest version and handed
 * to its channel, or suppressed, or made to wait, or retried. One batch per transaction, the rows locked
 * ({@code skip locked}: replicas share the work); a message is sent at least once, and at most once unless the
 * transaction fails after the channel accepted it.
 */
@ApplicationScoped
public class MessageDispatch {

    private static final Logger LOG = Logger.getLogger(MessageDispatch.class);
    static final int BATCH = 50;

    private final MessageRepository messages;
    private final CustomerRepository customers;
    private final ContactPointRepository contactPoints;
    private final TemplateRepository templates;
    private final ContactRuleVersions rules;
    private final CareConfig.Company company;
    private final EmailDelivery email;
    private final WebhookDelivery webhook;
    private final ProviderRepository providers;
    private final CareEventPublisher publisher;
    private final BusinessTime businessTime;
    private final Engine engine;
    private final Clock clock;
    private final DatabaseOutage outage;
    private volatile boolean stopping;
    /** Templates parsed once per text: every version of every template is a handful of texts. */
    private final Map<String, io.quarkus.qute.Template> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    MessageDispatch(MessageRepository messages, CustomerRepository customers, ContactPointRepository contactPoints,
            TemplateRepository templates, ContactRuleVersions rules, CareConfig config, EmailDelivery email,
            WebhookDelivery webhook, ProviderRepository providers, CareEventPublisher publisher,
            BusinessTime businessTime, Engine engine, Clock clock, DatabaseOutage outage) {
        this.webhook = webhook;
        this.providers = providers;
        this.outage = outage;
        this.messages = messages;
        this.customers = customers;
        this.contactPoints = contactPoints;
        this.templates = templates;
        this.rules = rules;
        this.company = config.company();
        this.email = email;
        this.publisher = publisher;
        this.businessTime = businessTime;
        this.engine = engine;
        this.clock = clock;
    }

    @Scheduled(every = "${tiercare.care.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping || outage.isDown()) {
            return; // the outage's probe says when the database is back
        }
        try {
            dispatchAll();
        } catch (RuntimeException e) {
            if (!InfrastructureFailure.isInfrastructure(e)) {
                throw e;
            }
            outage.failed(e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Works through every message due now, a batch per transaction ({@link Drain}); how many it took. */
    public int dispatchAll() {
        return Drain.inTransactions(BATCH, this::dispatchDue);
    }

    /** Sends, suppresses or defers one batch of due messages; how many it took. */
    @Transactional(Transactional.TxType.MANDATORY)
    int dispatchDue() {
        Instant now = Instant.now(clock);
        List<CareMessage> due = messages.lockDue(now, BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        ContactRules current = rules.rules();
        ZoneId zone = businessTime.zone();
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        Instant monthStart = local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
        Map<String, Optional<TemplateRow>> templatesOfBatch = new HashMap<>();
        for (CareMessage message : due) {
            MessageEvent event = dispatch(message, current, local, monthStart, now, zone, templatesOfBatch);
            if (event != null) {
                publisher.publish(event);
            }
        }
        return due.size();
    }

    private MessageEvent dispatch(CareMessage message, ContactRules current, LocalDateTime local, Instant monthStart,
            Instant now, ZoneId zone, Map<String, Optional<TemplateRow>> templatesOfBatch) {
        Wishes wishes = customers.wishes(message.customerId()).orElse(null);
        Optional<ContactPoint> point = contactPoints.find(message.customerId());
        if (wishes == null || point.isEmpty()) {
            return message.suppress("unknown: care-service has no record of how to reach the customer", now);
        }
        Decision decision = current.decide(message.kind(), message.channel(), wishes,
                new Standing(messages.contactsSince(message.customerId(), monthStart)), local);
        switch (decision.verdict()) {
            case SUPPRESS -> {
                return message.suppress(decision.rule(), now);
            }
            case WAIT -> {
                message.waitUntil(decision.at().atZone(zone).toInstant(), decision.rule(), now);
                return null;
            }
            default -> {
                return send(message, point.get(), now, templatesOfBatch.computeIfAbsent(message.templateCode(),
                        code -> Optional.ofNullable(templates.current(code))).orElse(null));
            }
        }
    }

    private MessageEvent send(CareMessage message, ContactPoint point, Instant now, TemplateRow template) {
        String address = message.channel() == CareChannel.EMAIL ? point.email() : point.mobilePhone();
        if (address == null || address.isBlank()) {
            return message.suppress("address: no " + (message.channel() == CareChannel.EMAIL ? "email address"
                    : "mobile number") + " for the customer", now);
        }
        if (template == null) {
            return message.failed("template " + message.templateCode() + " no longer exists", false, now);
        }
        Map<String, String> values = new HashMap<>(message.values());
        values.putAll(MessageTemplates.customerValues(point));
        values.putAll(company.values());
        MessageTemplate.Rendered rendered = template.template().render(
                text -> parsed.computeIfAbsent(text, engine::parse), values);
        Map<String, String> params = new java.util.TreeMap<>();
        if (message.channel() != CareChannel.EMAIL) {
            template.template().placeholders(engine).forEach(p -> params.put(paramName(p), values.getOrDefault(p, "")));
        }
        Outgoing outgoing = new Outgoing(message.id().toString(), message.channel().name(), address,
                rendered.subject(), rendered.body(), template.template().smsSignName(),
                template.template().smsTemplateCode(), params);
        Result result = message.channel() == CareChannel.EMAIL ? email.send(outgoing)
                : providers.find(message.channel()).map(p -> webhook.send(p, outgoing))
                        .orElse(Result.failed("no provider is configured for " + message.channel(), false));
        if (result.accepted()) {
            return message.sent(template.version(), address, rendered.subject(), rendered.body(), now);
        }
        LOG.warnf("Message %s to customer %s not delivered (attempt %d): %s", message.id(), message.customerId(),
                message.attempts() + 1, result.error());
        return message.failed(result.error(), result.retryable(), now);
    }

    /** A placeholder as a provider template names its parameter: {@code customer.salutation} → customerSalutation. */
    static String paramName(String placeholder) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : placeholder.toCharArray()) {
            if (c == '.') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}

package io.tiercare.care.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tiercare.care.domain.CareMessage;
import io.tiercare.care.domain.OutreachKind;
import io.tiercare.care.repository.ContactPointRepository;
import io.tiercare.care.repository.CustomerRepository;
import io.tiercare.care.repository.MessageRepository;
import io.tiercare.care.repository.TemplateRepository;
import io.tiercare.care.repository.TemplateRepository.TemplateRow;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Places messages (once per customer and occasion) and shows them. What is placed is decided by the contact rules
 * and sent by {@link MessageDispatch}, within a second.
 */
@ApplicationScoped
@Transactional
public class Outreach {

    /** A message as the API shows it; masked roles see neither its text nor its address. */
    public record MessageView(UUID id, UUID customerId, String occasion, String kind, String channel,
            String templateCode, Integer templateVersion, String status, String rule, Instant sendAfter, int attempts,
            String recipient, String subject, String body, String error, String placedBy, Instant createdAt,
            Instant sentAt, String receiptStatus, String receiptError, Instant receiptAt) {

        static MessageView of(CareMessage m, Access access) {
            boolean masked = access.masked();
            return new MessageView(m.id(), m.customerId(), m.occasion(), m.kind().name(), m.channel().name(),
                    m.templateCode(), m.templateVersion(), m.status().name(), m.rule(), m.sendAfter(), m.attempts(),
                    access.text(m.recipient()), masked ? null : m.subject(),
                    masked ? null : m.body(), m.error(), m.placedBy(), m.createdAt(), m.sentAt(), m.receiptStatus(),
                    m.receiptError(), m.receiptAt());
        }
    }

    private final MessageRepository messages;
    private final TemplateRepository templates;
    private final CustomerRepository customers;
    private final ContactPointRepository contactPoints;
    private final Clock clock;
    private final io.tiercare.chassis.audit.PersonalDataReads reads;

    Outreach(MessageRepository messages, TemplateRepository templates, CustomerRepository customers,
            ContactPointRepository contactPoints, Clock clock, io.tiercare.chassis.audit.PersonalDataReads reads) {
        this.messages = messages;
        this.templates = templates;
        this.customers = customers;
        this.contactPoints = contactPoints;
        this.clock = clock;
        this.reads = reads;
    }

    /**
     * A message from a template to a customer, for an occasion the caller names (an appointment's id, say): placing
     * it again for the same occasion returns the message placed first. The values fill the template's own
     * placeholders; the customer's and the company's are filled in when it is sent.
     */
    public MessageView place(UUID customerId, String templateCode, String occasion, Map<String, String> values,
            Access access) {
        reachable(customerId, access);
        TemplateRow template = templates.current(templateCode);
        if (template == null) {
            throw new InvalidInputException("templateCode", "no message template " + templateCode);
        }
        OutreachKind kind = template.template().kind();
        for (String key : values.keySet()) {
            if (!kind.placeholders().contains(key) || key.startsWith("customer.") || key.startsWith("company.")) {
                throw new InvalidInputException("values." + key, "is not a value the caller gives for " + kind
                        + "; the template's own: " + String.join(", ", kind.placeholders().stream()
                                .filter(p -> !p.startsWith("customer.") && !p.startsWith("company.")).toList()));
            }
        }
        return MessageView.of(messages.placeOnce(customerId, occasion, kind, template.template().channel(),
                templateCode, values, access.userId(), Instant.now(clock)), access);
    }

    /** The provider's receipt for a message it took. */
    public MessageView receipt(UUID id, String status, String why, Instant at, Access access) {
        CareMessage message = messages.find(id);
        if (message == null) {
            throw ResourceNotFoundException.of("message", id);
        }
        message.receipt(status, why, at == null ? Instant.now(clock) : at);
        return MessageView.of(message, access);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MessageView get(UUID id, Access access) {
        CareMessage message = messages.find(id);
        if (message == null || !access.reaches(null, customers.accountManager(message.customerId()))) {
            throw ResourceNotFoundException.of("message", id);
        }
        reads.record(java.util.List.of(message.customerId()), "READ");
        return MessageView.of(message, access);
    }

    /** A customer's messages, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MessageView> ofCustomer(UUID customerId, PageRequest page, Access access) {
        reachable(customerId, access);
        List<MessageView> items = messages.ofCustomer(customerId, page.offset(), page.size()).stream()
                .map(m -> MessageView.of(m, access)).toList();
        if (!items.isEmpty()) {
            reads.record(java.util.List.of(customerId), "LIST");
        }
        return Page.of(items, page, messages.countOfCustomer(customerId));
    }

    private void reachable(UUID customerId, Access access) {
        if (contactPoints.find(customerId).isEmpty()
                || !access.reaches(null, customers.accountManager(customerId))) {
            throw ResourceNotFoundException.of("customer", customerId);
        }
    }
}

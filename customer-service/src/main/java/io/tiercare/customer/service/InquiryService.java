package io.tiercare.customer.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.security.Caller;
import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.domain.Inquiry;
import io.tiercare.customer.domain.InquiryKind;
import io.tiercare.customer.messaging.CustomerEventPublisher;
import io.tiercare.customer.repository.InquiryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Inquiries and feedback; each publishes tiercare.customer.inquiry-recorded.v1 (the text stays here). */
@ApplicationScoped
@Transactional
public class InquiryService {

    private final InquiryRepository inquiries;
    private final CustomerAccess access;
    private final CustomerEventPublisher events;
    private final Clock clock;

    InquiryService(InquiryRepository inquiries, CustomerAccess access, CustomerEventPublisher events, Clock clock) {
        this.inquiries = inquiries;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public record RecordInquiry(InquiryKind kind, String channel, String topic, String content, Instant occurredAt) {
    }

    public InquiryView record(Caller caller, UUID customerId, RecordInquiry command) {
        Customer customer = access.visible(caller, customerId);
        Instant now = clock.instant();
        Instant occurredAt = command.occurredAt() == null ? now : command.occurredAt();
        if (occurredAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InvalidInputException("occurredAt", "must not be in the future");
        }
        Inquiry.Recorded recorded = Inquiry.record(customer.id(), command.kind(), strip(command.channel()),
                strip(command.topic()), strip(command.content()), occurredAt, caller.userId(), now);
        inquiries.persist(recorded.inquiry());
        events.publish(List.of(recorded.event()));
        return InquiryView.of(recorded.inquiry(), caller.seesMaskedData());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InquiryView> list(Caller caller, UUID customerId, PageRequest page) {
        Customer customer = access.visible(caller, customerId);
        return Page.of(inquiries.page(customer.id(), page).stream()
                .map(i -> InquiryView.of(i, caller.seesMaskedData())).toList(), page, inquiries.countFor(customer.id()));
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

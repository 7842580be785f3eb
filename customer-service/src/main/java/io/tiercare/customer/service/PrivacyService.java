package io.tiercare.customer.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.GoneException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.chassis.security.Caller;
import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.domain.CustomerStatus;
import io.tiercare.customer.messaging.CustomerEventPublisher;
import io.tiercare.customer.repository.CustomerRepository;
import io.tiercare.customer.repository.InquiryRepository;
import io.tiercare.customer.repository.PersonalDataReadRepository;
import io.tiercare.customer.repository.PrivacyRepository;
import io.tiercare.customer.repository.PurchaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** PIPL: export everything held about a customer; erase their personal data everywhere in this service. */
@ApplicationScoped
@Transactional
public class PrivacyService {

    private static final PageRequest ALL = new PageRequest(0, PageRequest.MAX_SIZE);

    private final CustomerAccess access;
    private final CustomerRepository customers;
    private final PurchaseRepository purchases;
    private final InquiryRepository inquiries;
    private final ConsentService consents;
    private final PersonalDataReadRepository reads;
    private final PrivacyRepository privacy;
    private final PersonalDataAudit audit;
    private final CustomerEventPublisher events;
    private final Clock clock;

    PrivacyService(CustomerAccess access, CustomerRepository customers, PurchaseRepository purchases,
            InquiryRepository inquiries, ConsentService consents, PersonalDataReadRepository reads,
            PrivacyRepository privacy, PersonalDataAudit audit, CustomerEventPublisher events, Clock clock) {
        this.access = access;
        this.customers = customers;
        this.purchases = purchases;
        this.inquiries = inquiries;
        this.consents = consents;
        this.reads = reads;
        this.privacy = privacy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public PersonalDataExport export(Caller caller, UUID customerId) {
        Customer customer = access.visible(caller, customerId);
        UUID id = customer.id();
        audit.recordReads(caller, List.of(id), "ACCESS_EXPORT");
        List<CustomerView> merged = customers.list("mergedInto", id).stream()
                .map(c -> CustomerView.of(c, false)).toList();
        return new PersonalDataExport(clock.instant(), CustomerView.of(customer, false), merged,
                purchases.list("customerId", id).stream().map(PurchaseView::of).toList(),
                inquiries.list("customerId", id).stream().map(i -> InquiryView.of(i, false)).toList(),
                consents.get(caller, id),
                reads.find(id, null, null, null, ALL).items().stream().map(PersonalDataReadView::of).toList());
    }

    public record Erasure(UUID customerId, CustomerStatus status, Instant erasedAt, List<UUID> erasedMergedRecords) {
    }

    /**
     * Anonymises the customer and every record merged into it: personal fields, inquiry texts, and the events this
     * service still holds about them (published or not; tiercare.customer.erased.v1 tells the others to purge).
     * Purchases stay as anonymous aggregates. Erasing again answers the same.
     */
    public Erasure erase(Caller caller, UUID customerId) {
        Customer customer = customers.findByIdOptional(customerId)
                .orElseThrow(() -> ResourceNotFoundException.of("Customer", customerId));
        if (customer.status() == CustomerStatus.ERASED) {
            return new Erasure(customer.id(), customer.status(), customer.erasedAt(), List.of());
        }
        if (customer.status() == CustomerStatus.MERGED) {
            throw new GoneException("Customer " + customerId + " was merged into " + customer.mergedInto()
                    + "; erase that customer");
        }
        customer = access.locked(caller, customerId);
        Instant now = clock.instant();
        List<UUID> mergedIds = new ArrayList<>();
        for (Customer merged : customers.list("mergedInto", customer.id())) {
            merged.erase(now);
            merged.pullEvents(); // the survivor's erasure speaks for them
            mergedIds.add(merged.id());
        }
        List<UUID> all = new ArrayList<>(mergedIds);
        all.add(customer.id());
        privacy.forgetInquiryTexts(all);
        privacy.forgetEvents(all);
        customer.erase(now);
        customers.flush();
        events.publish(customer.pullEvents());
        return new Erasure(customer.id(), CustomerStatus.ERASED, now, mergedIds);
    }
}

package io.tiercare.customer.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.security.Caller;
import io.tiercare.chassis.time.BusinessTime;
import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.messaging.CustomerEventPublisher;
import io.tiercare.customer.repository.ConsentRepository;
import io.tiercare.customer.repository.CustomerRepository;
import io.tiercare.customer.repository.DataQualityRepository;
import io.tiercare.customer.repository.DataQualityRepository.Filter;
import io.tiercare.customer.repository.InquiryRepository;
import io.tiercare.customer.repository.PurchaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Duplicate suspects, merging, and the data-quality report. */
@ApplicationScoped
@Transactional
public class DataQualityService {

    public static final BigDecimal ACCURACY_TARGET = new BigDecimal("0.98");
    private static final int MAX_SUSPECT_GROUPS = 500;

    private final DataQualityRepository quality;
    private final CustomerRepository customers;
    private final PurchaseRepository purchases;
    private final InquiryRepository inquiries;
    private final ConsentRepository consents;
    private final CustomerAccess access;
    private final CustomerEventPublisher events;
    private final BusinessTime businessTime;
    private final Clock clock;

    DataQualityService(DataQualityRepository quality, CustomerRepository customers, PurchaseRepository purchases,
            InquiryRepository inquiries, ConsentRepository consents, CustomerAccess access,
            CustomerEventPublisher events, BusinessTime businessTime, Clock clock) {
        this.quality = quality;
        this.customers = customers;
        this.purchases = purchases;
        this.inquiries = inquiries;
        this.consents = consents;
        this.access = access;
        this.events = events;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    public record SuspectGroup(String reason, List<CustomerView> customers) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SuspectGroup> suspects(Caller caller, String tag, String sourceChannel) {
        var found = quality.suspects(new Filter(tag, sourceChannel), MAX_SUSPECT_GROUPS);
        // one query for every customer of every group
        java.util.Map<UUID, Customer> byId = new java.util.HashMap<>();
        customers.list("id in ?1", found.stream().flatMap(g -> g.customerIds().stream()).toList())
                .forEach(c -> byId.put(c.id(), c));
        List<SuspectGroup> groups = new ArrayList<>();
        for (var group : found) {
            groups.add(new SuspectGroup(group.reason(), group.customerIds().stream()
                    .map(id -> CustomerView.of(byId.get(id), caller.seesMaskedData())).toList()));
        }
        return groups;
    }

    /**
     * Merges {@code duplicateId} into {@code survivorId}: purchases, inquiries and consents move to the survivor; the
     * duplicate's id keeps resolving to it. Publishes tiercare.customer.merged.v1 for the survivor.
     */
    public CustomerView merge(Caller caller, UUID survivorId, UUID duplicateId) {
        if (survivorId.equals(duplicateId)) {
            throw new InvalidInputException("duplicateId", "must differ from the surviving customer");
        }
        // lock in a fixed order so two merges of the same pair cannot deadlock
        boolean survivorFirst = survivorId.compareTo(duplicateId) < 0;
        Customer first = access.locked(caller, survivorFirst ? survivorId : duplicateId);
        Customer second = access.locked(caller, survivorFirst ? duplicateId : survivorId);
        Customer survivor = survivorFirst ? first : second;
        Customer duplicate = survivorFirst ? second : first;
        if (survivor.id().equals(duplicate.id())) {
            throw new ConflictException("customer " + duplicateId + " is already merged into " + survivor.id());
        }
        int movedPurchases = purchases.moveAll(duplicate.id(), survivor.id());
        int movedInquiries = inquiries.moveAll(duplicate.id(), survivor.id());
        int movedConsents = consents.moveAll(duplicate.id(), survivor.id());
        duplicate.mergeInto(survivor, movedPurchases, movedInquiries, movedConsents, clock.instant());
        customers.flush();
        events.publish(survivor.pullEvents());
        return CustomerView.of(survivor, caller.seesMaskedData());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DataQualityReport report(String tag, String sourceChannel) {
        Filter filter = new Filter(tag, sourceChannel);
        var counts = quality.counts(filter, businessTime.today());
        long total = counts.total();
        List<DataQualityReport.FieldCompleteness> completeness = counts.filled().entrySet().stream()
                .map(e -> new DataQualityReport.FieldCompleteness(e.getKey(), e.getValue(), ratio(e.getValue(), total)))
                .toList();
        List<DataQualityReport.InvalidValues> invalid = List.of(
                new DataQualityReport.InvalidValues("mobilePhone", counts.invalidPhone()),
                new DataQualityReport.InvalidValues("email", counts.invalidEmail()),
                new DataQualityReport.InvalidValues("birthday", counts.invalidBirthday()));
        BigDecimal accuracy = total == 0 ? BigDecimal.ONE.setScale(4) : ratio(total - counts.recordsWithIssues(), total);
        return new DataQualityReport(clock.instant(), total, completeness, invalid, counts.suspectGroups(),
                counts.recordsInSuspectGroups(), counts.recordsWithIssues(), accuracy, ACCURACY_TARGET,
                accuracy.compareTo(ACCURACY_TARGET) >= 0);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}

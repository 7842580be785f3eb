package io.tiercare.customer.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tiercare.customer.CustomerConfig;
import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.time.BusinessTime;
import io.tiercare.customer.domain.Customer;
import io.tiercare.customer.domain.CustomerImport;
import io.tiercare.customer.domain.CustomerProfile;
import io.tiercare.customer.domain.event.CustomerEvent;
import io.tiercare.customer.messaging.CustomerEventPublisher;
import io.tiercare.customer.repository.CustomerImportRepository;
import io.tiercare.customer.repository.CustomerImportRepository.RowError;
import io.tiercare.customer.repository.CustomerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Imports a CSV file chunk by chunk. Each chunk is one transaction holding its customers, their events, the rows it
 * refused and the job's progress, so a row is either fully imported or reported, never half-written, and a job
 * interrupted by a crash resumes after its last committed chunk (on any replica: jobs are claimed with a heartbeat).
 */
@ApplicationScoped
public class CustomerImportWorker {

    private static final Logger LOG = Logger.getLogger(CustomerImportWorker.class);
    private static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private final CustomerImportRepository imports;
    private final CustomerRepository customers;
    private final Outbox outbox;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final int chunkSize;

    CustomerImportWorker(CustomerImportRepository imports, CustomerRepository customers, Outbox outbox,
            BusinessTime businessTime, Clock clock, CustomerConfig config) {
        this.imports = imports;
        this.customers = customers;
        this.outbox = outbox;
        this.businessTime = businessTime;
        this.clock = clock;
        this.chunkSize = config.importing().chunkSize();
    }

    /** Picks up jobs nobody is working on: new ones whose start was missed, and ones whose worker died. */
    @Scheduled(every = "${tiercare.customer.import.poll-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeOrphans() {
        List<UUID> open = QuarkusTransaction.requiringNew()
                .call(() -> imports.claimable(clock.instant().minus(STALE_AFTER)));
        open.forEach(this::run);
    }

    public void run(UUID jobId) {
        boolean claimed = QuarkusTransaction.requiringNew()
                .call(() -> imports.claim(jobId, clock.instant(), clock.instant().minus(STALE_AFTER)));
        if (!claimed) {
            return;
        }
        try {
            byte[] content = QuarkusTransaction.requiringNew().call(() -> imports.findById(jobId).content());
            List<CustomerCsv.Row> rows = CustomerCsv.parse(content);
            int done = QuarkusTransaction.requiringNew().call(() -> imports.findById(jobId).processedRows());
            for (int from = done; from < rows.size(); from += chunkSize) {
                List<CustomerCsv.Row> chunk = rows.subList(from, Math.min(rows.size(), from + chunkSize));
                importChunkOrRowByRow(jobId, chunk);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> imports.findById(jobId)
                    .fail("the import stopped unexpectedly; rows up to the progress shown were handled",
                            clock.instant()));
        }
    }

    private void importChunkOrRowByRow(UUID jobId, List<CustomerCsv.Row> chunk) {
        try {
            QuarkusTransaction.requiringNew().run(() -> importChunk(jobId, chunk));
        } catch (RuntimeException e) {
            // something changed under the chunk (e.g. the same phone registered meanwhile): one row at a time
            LOG.debugf("Import %s: chunk failed (%s), retrying row by row", jobId, e.getMessage());
            for (CustomerCsv.Row row : chunk) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> importChunk(jobId, List.of(row)));
                } catch (RuntimeException rowFailure) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        imports.addErrors(jobId, List.of(new RowError(row.line(), null,
                                "could not be stored; another change to the same customer got there first")));
                        imports.findById(jobId, LockModeType.PESSIMISTIC_WRITE).progress(1, 0, 1, clock.instant());
                    });
                }
            }
        }
    }

    private void importChunk(UUID jobId, List<CustomerCsv.Row> chunk) {
        CustomerImport job = imports.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        LocalDate today = businessTime.today();
        List<RowError> errors = new ArrayList<>();
        Map<CustomerCsv.Row, Customer> accepted = new LinkedHashMap<>();
        Set<String> phonesInChunk = new HashSet<>();
        Set<String> emailsInChunk = new HashSet<>();
        for (CustomerCsv.Row row : chunk) {
            try {
                var registration = CustomerCsv.toRegistration(row);
                CustomerProfile profile = CustomerProfile.of(registration.name(), registration.gender(),
                        registration.birthday(), registration.mobilePhone(), registration.email(),
                        registration.province(), registration.city(), registration.address(), registration.industry(),
                        registration.companyScale(), registration.sourceChannel(), registration.tags(), null,
                        registration.usesCompetitor(), today);
                if (profile.mobilePhone() != null && !phonesInChunk.add(profile.mobilePhone())) {
                    throw new InvalidInputException("mobilePhone", "appears on an earlier row of this file");
                }
                if (profile.email() != null && !emailsInChunk.add(profile.email())) {
                    throw new InvalidInputException("email", "appears on an earlier row of this file");
                }
                String manager = registration.accountManagerId() == null || registration.accountManagerId().isBlank()
                        ? null : registration.accountManagerId().strip();
                accepted.put(row, Customer.register(registration.type(), profile, manager, now));
            } catch (InvalidInputException e) {
                errors.add(new RowError(row.line(), e.field(), e.getMessage()));
            }
        }
        rejectExistingContacts(accepted, errors);
        List<OutboxEvent> events = new ArrayList<>();
        for (Customer customer : accepted.values()) {
            customers.persist(customer);
            events.addAll(CustomerEventPublisher.asOutboxEvents(customer.pullEvents()));
        }
        customers.flush();
        outbox.appendAll(events);
        imports.addErrors(jobId, errors);
        job.progress(chunk.size(), accepted.size(), errors.size(), now);
    }

    /** A phone or email that already belongs to a live customer (registered earlier, or on an earlier chunk). */
    private void rejectExistingContacts(Map<CustomerCsv.Row, Customer> accepted, List<RowError> errors) {
        List<String> phones = accepted.values().stream().map(c -> c.profile().mobilePhone())
                .filter(p -> p != null).toList();
        List<String> emails = accepted.values().stream().map(c -> c.profile().email()).filter(e -> e != null)
                .toList();
        Map<String, UUID> taken = customers.liveOwnersOf(phones, emails);
        accepted.entrySet().removeIf(entry -> {
            CustomerProfile p = entry.getValue().profile();
            UUID phoneOwner = p.mobilePhone() == null ? null : taken.get(p.mobilePhone());
            UUID emailOwner = p.email() == null ? null : taken.get(p.email());
            if (phoneOwner != null) {
                errors.add(new RowError(entry.getKey().line(), "mobilePhone",
                        "already belongs to another customer"));
                return true;
            }
            if (emailOwner != null) {
                errors.add(new RowError(entry.getKey().line(), "email", "already belongs to another customer"));
                return true;
            }
            return false;
        });
    }
}

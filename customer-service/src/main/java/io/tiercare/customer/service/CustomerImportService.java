package io.tiercare.customer.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

import org.eclipse.microprofile.context.ManagedExecutor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.chassis.security.Caller;
import io.tiercare.customer.domain.CustomerImport;
import io.tiercare.customer.repository.CustomerImportRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Accepts CSV files for import; the same file twice is the same job, so nothing is imported twice. */
@ApplicationScoped
public class CustomerImportService {

    public static final int MAX_ERRORS_SHOWN = 1000;

    private final CustomerImportRepository imports;
    private final CustomerImportWorker worker;
    private final ManagedExecutor executor;
    private final Clock clock;

    CustomerImportService(CustomerImportRepository imports, CustomerImportWorker worker, ManagedExecutor executor,
            Clock clock) {
        this.imports = imports;
        this.worker = worker;
        this.executor = executor;
        this.clock = clock;
    }

    /** The job for this file, and whether this call created it. */
    public record Submitted(CustomerImportView job, boolean created) {
    }

    public Submitted submit(Caller caller, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "is empty: it needs a header row and at least one row");
        }
        // the whole file is checked before a job exists: a file that is not CSV with a known header is refused
        int rows = CustomerCsv.parse(content).size();
        if (rows == 0) {
            throw new InvalidInputException("file", "has a header but no rows");
        }
        String sha256 = sha256(content);
        Submitted submitted = QuarkusTransaction.requiringNew().call(() -> {
            var existing = imports.findBySha256(sha256);
            if (existing.isPresent()) {
                return new Submitted(view(existing.get()), false);
            }
            CustomerImport job = CustomerImport.submit(sha256, fileName, content, rows, caller.userId(),
                    clock.instant());
            imports.persist(job);
            return new Submitted(view(job), true);
        });
        if (submitted.created()) {
            UUID id = submitted.job().id();
            executor.runAsync(() -> worker.run(id));
        }
        return submitted;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerImportView get(UUID id) {
        return imports.findByIdOptional(id).map(this::view)
                .orElseThrow(() -> ResourceNotFoundException.of("Import", id));
    }

    private CustomerImportView view(CustomerImport job) {
        return CustomerImportView.of(job, imports.errors(job.id(), MAX_ERRORS_SHOWN));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.tiercare.customer.domain;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.chassis.id.TimeOrderedUuid;
import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bulk import of customers from one CSV file, processed in chunks that each commit with their progress. */
@Entity
@Table(name = "customer_import")
public class CustomerImport {

    public enum Status {
        PENDING, RUNNING, COMPLETED, FAILED
    }

    @Id
    private UUID id;
    private String contentSha256;
    private String fileName;
    @Basic(fetch = FetchType.LAZY)
    private byte[] content;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int totalRows;
    private int processedRows;
    private int importedRows;
    private int failedRows;
    private String failure;
    private String createdBy;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant heartbeatAt;

    protected CustomerImport() {
    }

    public static CustomerImport submit(String sha256, String fileName, byte[] content, int totalRows,
            String createdBy, Instant now) {
        CustomerImport job = new CustomerImport();
        job.id = TimeOrderedUuid.next();
        job.contentSha256 = sha256;
        job.fileName = fileName;
        job.content = content;
        job.status = Status.PENDING;
        job.totalRows = totalRows;
        job.createdBy = createdBy;
        job.createdAt = now;
        return job;
    }

    /** Records a committed chunk; the file is dropped once every row is done. */
    public void progress(int processed, int imported, int failed, Instant now) {
        processedRows += processed;
        importedRows += imported;
        failedRows += failed;
        heartbeatAt = now;
        if (processedRows >= totalRows) {
            status = Status.COMPLETED;
            finishedAt = now;
            content = null;
        }
    }

    public void fail(String reason, Instant now) {
        status = Status.FAILED;
        failure = reason;
        finishedAt = now;
        content = null;
    }

    public UUID id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public byte[] content() {
        return content;
    }

    public Status status() {
        return status;
    }

    public int totalRows() {
        return totalRows;
    }

    public int processedRows() {
        return processedRows;
    }

    public int importedRows() {
        return importedRows;
    }

    public int failedRows() {
        return failedRows;
    }

    public String failure() {
        return failure;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}

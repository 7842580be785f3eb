package io.tiercare.customer.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.customer.domain.CustomerImport;
import io.tiercare.customer.repository.CustomerImportRepository.RowError;

@Schema(name = "CustomerImport", description = "A bulk import job: progress, and the rows that were refused")
public record CustomerImportView(UUID id, String fileName, CustomerImport.Status status, int totalRows,
        int processedRows, int importedRows, int failedRows, String failure,
        @Schema(description = "The first 1000 refused rows, by line (the header is line 1)") List<RowErrorView> errors,
        String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** A refused row: its line, the field at fault (none for a row that could not be read) and why. */
    public record RowErrorView(int line, String field, String message) {
    }

    static CustomerImportView of(CustomerImport job, List<RowError> errors) {
        return new CustomerImportView(job.id(), job.fileName(), job.status(), job.totalRows(), job.processedRows(),
                job.importedRows(), job.failedRows(), job.failure(),
                errors.stream().map(e -> new RowErrorView(e.line(), e.field(), e.message())).toList(),
                job.createdBy(), job.createdAt(), job.startedAt(), job.finishedAt());
    }
}

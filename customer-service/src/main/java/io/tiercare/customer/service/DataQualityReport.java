package io.tiercare.customer.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How accurate and complete the live customer records are (数据清洗; the business target is ≥ 98 % accuracy). */
@Schema(name = "DataQualityReport")
public record DataQualityReport(Instant generatedAt, long totalCustomers, List<FieldCompleteness> completeness,
        List<InvalidValues> invalidValues, long duplicateSuspectGroups, long customersInDuplicateGroups,
        long customersWithIssues,
        @Schema(description = "Share of records with no invalid value and no duplicate suspicion", examples = "0.9912")
        BigDecimal accuracy,
        @Schema(examples = "0.98") BigDecimal accuracyTarget, boolean meetsTarget) {

    @Schema(name = "FieldCompleteness")
    public record FieldCompleteness(String field, long filled, BigDecimal ratio) {
    }

    @Schema(name = "InvalidValues")
    public record InvalidValues(String field, long count) {
    }
}

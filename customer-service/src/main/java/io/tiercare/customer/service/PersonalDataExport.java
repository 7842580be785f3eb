package io.tiercare.customer.service;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything customer-service holds about one person (PIPL right of access). */
@Schema(name = "PersonalDataExport")
public record PersonalDataExport(Instant exportedAt, CustomerView customer,
        @Schema(description = "Duplicate records merged into this customer") List<CustomerView> mergedRecords,
        List<PurchaseView> purchases, List<InquiryView> inquiries, ConsentView consents,
        @Schema(description = "Who read this customer's data unmasked") List<PersonalDataReadView> reads) {
}

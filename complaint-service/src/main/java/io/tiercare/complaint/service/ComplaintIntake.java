package io.tiercare.complaint.service;

import io.tiercare.complaint.domain.Complaint.Intake;
import io.tiercare.complaint.repository.CustomerDirectory.CustomerRef;
import io.tiercare.complaint.service.ComplaintService.Submitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A submit from start to end, outside any one transaction: the customer check (which may wait for event lag), the
 * filing in its transaction, and — when a concurrent retry with the same {@code Idempotency-Key} won the insert —
 * the answer that retry gets.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class ComplaintIntake {

    private final CustomerCheck customers;
    private final ComplaintService complaints;

    ComplaintIntake(CustomerCheck customers, ComplaintService complaints) {
        this.customers = customers;
        this.complaints = complaints;
    }

    public Submitted submit(Intake intake, String idempotencyKey, Access access) {
        CustomerRef customer = customers.require(intake.customerId(), access);
        try {
            return complaints.file(intake, customer, idempotencyKey, access.userId());
        } catch (RuntimeException e) {
            if (idempotencyKey == null) {
                throw e;
            }
            // the same key inserted a moment ago by a concurrent retry: answer as that retry is answered
            return complaints.earlier(idempotencyKey, intake, customer).orElseThrow(() -> e);
        }
    }
}

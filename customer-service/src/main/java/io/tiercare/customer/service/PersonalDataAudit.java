package io.tiercare.customer.service;

import java.util.Collection;
import java.util.UUID;

import io.tiercare.chassis.audit.PersonalDataReads;
import io.tiercare.chassis.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes the audit trail of unmasked personal-data reads by people (PIPL), through the chassis. */
@ApplicationScoped
public class PersonalDataAudit {

    private final PersonalDataReads reads;

    PersonalDataAudit(PersonalDataReads reads) {
        this.reads = reads;
    }

    /** Records that the caller read these customers' personal data unmasked; masked reads are not personal data. */
    public void recordReads(Caller caller, Collection<UUID> customerIds, String action) {
        if (!caller.seesMaskedData()) {
            reads.record(caller.userId(), caller.rolesText(), customerIds, action);
        }
    }
}

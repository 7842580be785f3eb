package io.tiercare.care.repository;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** The versions of the outreach policy (welcome gifts, complaint follow-ups). */
@Singleton
public class OutreachPolicyRepository extends VersionedDocuments {

    OutreachPolicyRepository(EntityManager em) {
        super(em, "outreach_policy");
    }
}

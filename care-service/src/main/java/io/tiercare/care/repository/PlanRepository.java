package io.tiercare.care.repository;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** The versions of the care plan (a singleton: its base class takes the table in its constructor). */
@Singleton
public class PlanRepository extends VersionedDocuments {

    PlanRepository(EntityManager em) {
        super(em, "care_plan");
    }
}

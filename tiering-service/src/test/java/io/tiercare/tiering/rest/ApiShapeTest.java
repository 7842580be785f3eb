package io.tiercare.tiering.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tiercare.testing.ApiShapes;

class ApiShapeTest {

    @Test
    void noEndpointAnswersWithAStorageRecord() {
        assertThat(ApiShapes.storageRecordsAnswered(CustomerTierResource.class, EvaluationJobResource.class,
                TierAdjustmentResource.class, TierAppealResource.class, TierSchemeResource.class)).isEmpty();
    }
}

package io.tiercare.care.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tiercare.testing.ApiShapes;

class ApiShapeTest {

    @Test
    void noEndpointAnswersWithAStorageRecord() {
        assertThat(ApiShapes.storageRecordsAnswered(CareMessageResource.class, CarePlanResource.class,
                CareTaskResource.class, ContactRulesResource.class, CoverageResource.class,
                DeliveryProviderResource.class, GreetingResource.class, MessageTemplateResource.class,
                OutreachPolicyResource.class, ReplanJobResource.class)).isEmpty();
    }
}

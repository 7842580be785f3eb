package io.tiercare.customer.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tiercare.testing.ApiShapes;

class ApiShapeTest {

    @Test
    void noEndpointAnswersWithAStorageRecord() {
        assertThat(ApiShapes.storageRecordsAnswered(CustomerActivityResource.class, CustomerImportResource.class,
                CustomerMergeResource.class, CustomerResource.class, DataQualityResource.class,
                PersonalDataReadResource.class, PrivacyResource.class, PurchaseResource.class)).isEmpty();
    }
}

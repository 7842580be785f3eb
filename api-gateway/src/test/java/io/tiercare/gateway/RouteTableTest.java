package io.tiercare.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.tiercare.testing.TestTokensResource;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(TestTokensResource.class)
class RouteTableTest {

    @Inject
    RouteTable routes;

    @Test
    void shouldSendEachPathToTheServiceThatOwnsIt() {
        assertThat(routes.find("/api/v1/customers").orElseThrow().service()).isEqualTo("customer");
        assertThat(routes.find("/api/v1/customers/42/purchases").orElseThrow().service()).isEqualTo("customer");
        assertThat(routes.find("/api/v1/customers/42/tiers").orElseThrow().service()).isEqualTo("tiering");
        assertThat(routes.find("/api/v1/customers/42/care").orElseThrow().service()).isEqualTo("care");
        assertThat(routes.find("/api/v1/tier-schemes/VALUE").orElseThrow().service()).isEqualTo("tiering");
        assertThat(routes.find("/api/v1/complaints/9/acknowledge").orElseThrow().service()).isEqualTo("complaint");
        assertThat(routes.find("/api/v1/customer-imports/7").orElseThrow().service()).isEqualTo("customer");
        assertThat(routes.find("/api/v1/data-quality-report").orElseThrow().service()).isEqualTo("customer");
        assertThat(routes.find("/api/v1/customersX")).isEmpty();
        assertThat(routes.find("/api/v2/customers")).isEmpty();
    }
}

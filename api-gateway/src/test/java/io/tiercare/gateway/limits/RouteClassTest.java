package io.tiercare.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which budget a request draws on, however its path is spelt. */
class RouteClassTest {

    private static final List<String> BULK = List.of("/api/v1/customer-imports", "/api/v1/customers/export",
            "/api/v1/customers/*/bulk");

    @Test
    void readsAndWritesAreToldApartByTheirMethod() {
        assertThat(RouteClass.of("GET", "/api/v1/customers/1", BULK)).isEqualTo(RouteClass.READ);
        assertThat(RouteClass.of("head", "/api/v1/customers", BULK)).isEqualTo(RouteClass.READ);
        assertThat(RouteClass.of("POST", "/api/v1/customers", BULK)).isEqualTo(RouteClass.WRITE);
        assertThat(RouteClass.of("DELETE", "/api/v1/customers/1", BULK)).isEqualTo(RouteClass.WRITE);
    }

    @Test
    void bulkWorkIsBulkHoweverItsPathIsSpelt() {
        assertThat(RouteClass.of("POST", "/api/v1/customer-imports", BULK)).isEqualTo(RouteClass.BULK);
        assertThat(RouteClass.of("GET", "/api/v1/customer-imports/42", BULK)).isEqualTo(RouteClass.BULK);
        assertThat(RouteClass.of("GET", "/API/V1/Customers/Export", BULK)).isEqualTo(RouteClass.BULK);
        assertThat(RouteClass.of("GET", "/api/v1/customers/export/", BULK)).isEqualTo(RouteClass.BULK);
        assertThat(RouteClass.of("GET", "/api//v1/customers/%65xport", BULK)).isEqualTo(RouteClass.BULK);
        assertThat(RouteClass.of("POST", "/api/v1/customers/7/bulk", BULK)).isEqualTo(RouteClass.BULK);
        assertThat(RouteClass.of("GET", "/api/v1/customers/exporter", BULK)).isEqualTo(RouteClass.READ);
        assertThat(RouteClass.of("GET", "/api/v1/customers/%zz", BULK)).isEqualTo(RouteClass.READ);
    }
}

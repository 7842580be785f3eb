package io.tiercare.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void anAccountManagerReachesOnlyTheirOwnCustomersAndReadsThemUnmasked() {
        Caller am = new Caller("am-7", Set.of(Roles.ACCOUNT_MANAGER));
        assertThat(am.managerScope()).contains("am-7");
        assertThat(am.reaches("am-7")).isTrue();
        assertThat(am.reaches("am-8")).isFalse();
        assertThat(am.reaches(null)).as("a customer without a manager is not theirs").isFalse();
        assertThat(am.seesMaskedData()).isFalse();
    }

    @Test
    void aSupervisorReachesEveryCustomer() {
        Caller supervisor = new Caller("li", Set.of(Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER));
        assertThat(supervisor.managerScope()).isEmpty();
        assertThat(supervisor.reaches("am-8")).isTrue();
    }

    @Test
    void anAnalystReadsPersonalDataMasked() {
        Caller analyst = new Caller("wu", Set.of(Roles.ANALYST));
        assertThat(analyst.seesMaskedData()).isTrue();
        assertThat(analyst.rolesText()).isEqualTo("ANALYST");
    }
}

package com.thewans.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenVerificationSettingTest {

    @Test
    void verificationIsOnUnlessSwitchedOffForABenchmarkOnLoopback() {
        assertThat(EdgeAuthenticationFilter.checkVerificationSetting("on", "")).isTrue();
        assertThat(EdgeAuthenticationFilter.checkVerificationSetting("off-for-benchmark", "127.0.0.1")).isFalse();
    }

    @Test
    void aGatewayReachableFromOutsideNeverRunsWithoutVerification() {
        assertThatThrownBy(() -> EdgeAuthenticationFilter.checkVerificationSetting("off-for-benchmark", ""))
                .hasMessageContaining("refusing to start");
        assertThatThrownBy(() -> EdgeAuthenticationFilter.checkVerificationSetting("off-for-benchmark", "0.0.0.0"))
                .hasMessageContaining("refusing to start");
        assertThatThrownBy(() -> EdgeAuthenticationFilter.checkVerificationSetting("off", "127.0.0.1"))
                .hasMessageContaining("must be on or off-for-benchmark");
    }
}

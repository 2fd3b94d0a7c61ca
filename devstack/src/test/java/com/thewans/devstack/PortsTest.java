package com.thewans.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsNamedWithWhatNeededIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int free = Ports.freePort();
            assertThatThrownBy(() -> Ports.requireFree(List.of(
                    new Ports.Claim("gateway", free),
                    new Ports.Claim("catalog-service", taken.getLocalPort()))))
                    .isInstanceOf(DevstackException.class)
                    .hasMessageStartingWith("port " + taken.getLocalPort() + " (catalog-service) is already in use")
                    .message().doesNotContain("\n");
        }
    }

    @Test
    void aPortTakenOnlyOnLoopbackCountsAsTaken() throws Exception {
        try (ServerSocket loopbackOnly = new ServerSocket()) {
            loopbackOnly.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertThat(Ports.isFree(loopbackOnly.getLocalPort())).isFalse();
        }
    }

    @Test
    void freePortsPass() {
        int port = Ports.freePort();
        assertThat(Ports.isFree(port)).isTrue();
        Ports.requireFree(List.of(new Ports.Claim("gateway", port)));
    }
}

package com.thewans.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.ResolvableType;

import com.thewans.gateway.edge.EdgeProperties;

import reactor.netty.http.client.HttpClient;

/** A route's wait for its service is checked when the gateway starts, not on the first call. */
class ServiceCallsTest {

    @Test
    void aMistypedReadTimeoutStopsTheGatewayFromStarting() {
        assertThatThrownBy(() -> serviceCallsWith("ten seconds"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Route catalog-service: metadata.read-timeout must be a positive number of milliseconds, "
                        + "not 'ten seconds'");
        assertThatThrownBy(() -> serviceCallsWith("0")).isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> serviceCallsWith("10000")).doesNotThrowAnyException();
        assertThatCode(() -> serviceCallsWith(null)).doesNotThrowAnyException();
    }

    private static ServiceCalls serviceCallsWith(String readTimeout) {
        RouteDefinition route = new RouteDefinition();
        route.setId("catalog-service");
        route.setMetadata(readTimeout == null ? Map.of() : Map.of(ServiceCalls.READ_TIMEOUT, readTimeout));
        GatewayProperties gateway = new GatewayProperties();
        gateway.setRoutes(List.of(route));
        ObjectProvider<List<HttpHeadersFilter>> noHeaderFilters = new DefaultListableBeanFactory()
                .getBeanProvider(ResolvableType.forClassWithGenerics(List.class, HttpHeadersFilter.class));
        return new ServiceCalls(HttpClient.create(), noHeaderFilters, new HttpClientProperties(),
                new EdgeProperties(List.of(), null, null, null, Duration.ofSeconds(30)), gateway);
    }
}

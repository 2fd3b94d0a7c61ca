package com.thewans.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
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

    @Test
    void requestsPassEveryHeaderFilterButTheGrpcOne() {
        var hopByHop = new RemoveHopByHopHeadersFilter();
        var forwarded = new XForwardedHeadersFilter("127\\.0\\.0\\.1");
        List<HttpHeadersFilter> declared = List.of(forwarded, new GRPCRequestHeadersFilter(), hopByHop);
        ServiceCalls calls = serviceCallsWith(null, new ObjectProvider<>() {
            @Override
            public List<HttpHeadersFilter> getObject() {
                return declared;
            }

            @Override
            public List<HttpHeadersFilter> getIfAvailable() {
                return declared;
            }
        });

        assertThat(calls.getHeadersFilters()).containsExactly(forwarded, hopByHop);
    }

    private static ServiceCalls serviceCallsWith(String readTimeout) {
        return serviceCallsWith(readTimeout, new DefaultListableBeanFactory()
                .getBeanProvider(ResolvableType.forClassWithGenerics(List.class, HttpHeadersFilter.class)));
    }

    private static ServiceCalls serviceCallsWith(String readTimeout,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        RouteDefinition route = new RouteDefinition();
        route.setId("catalog-service");
        route.setMetadata(readTimeout == null ? Map.of() : Map.of(ServiceCalls.READ_TIMEOUT, readTimeout));
        GatewayProperties gateway = new GatewayProperties();
        gateway.setRoutes(List.of(route));
        return new ServiceCalls(HttpClient.create(), headersFilters, new HttpClientProperties(),
                new EdgeProperties(List.of(), null, null, null, Duration.ofSeconds(30)), gateway);
    }
}

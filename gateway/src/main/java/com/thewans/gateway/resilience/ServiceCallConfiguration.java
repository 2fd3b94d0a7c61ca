package com.thewans.gateway.resilience;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.gateway.edge.EdgeProperties;

import reactor.netty.http.client.HttpClient;

@Configuration(proxyBeanMethods = false)
class ServiceCallConfiguration {

    @Bean
    ServiceCalls serviceCalls(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties, EdgeProperties edge, GatewayProperties gateway) {
        return new ServiceCalls(httpClient, headersFilters, properties, edge, gateway);
    }

    /**
     * Spring Cloud Gateway only declares its writer of the service's answer while its own routing filter
     * is on; application.yml turns that one off in favour of {@link ServiceCalls}, so the writer is
     * declared here, as {@link WholeAnswers}.
     */
    @Bean
    NettyWriteResponseFilter nettyWriteResponseFilter(GatewayProperties gateway,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        return new WholeAnswers(gateway.getStreamingMediaTypes(), headersFilters);
    }
}

package com.thewans.common.client;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

@AutoConfiguration(afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnClass({RestClient.class, CircuitBreaker.class})
@ConditionalOnBean(RestClient.Builder.class)
@EnableConfigurationProperties({ServiceClientProperties.class, ServiceIdentityProperties.class})
public class ServiceClientAutoConfiguration {

    @Bean
    ServiceClients serviceClients(RestClient.Builder builder, ServiceClientProperties properties,
            ServiceIdentityProperties identity, java.time.Clock clock) {
        return new ServiceClients(builder, properties, identity, clock);
    }
}

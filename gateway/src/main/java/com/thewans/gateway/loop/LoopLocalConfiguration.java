package com.thewans.gateway.loop;

import java.util.List;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.client.ReactorResourceFactory;

import io.lettuce.core.resource.ClientResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Keeps each request on the event loop that read it, through its Redis checks and its call to the
 * service (bench/README.md, gateway: every crossing to another thread costs a wake-up on this kind of VM).
 */
@Configuration(proxyBeanMethods = false)
class LoopLocalConfiguration {

    @Bean
    ServerLoops serverLoops(ReactorResourceFactory reactor) {
        return new ServerLoops(reactor);
    }

    /** Spring Boot's Redis templates, which the rate limiter and the signed-out check use, take the primary. */
    @Bean
    @Primary
    LoopLocalRedisConnections loopLocalRedisConnections(LettuceConnectionFactory redisConnectionFactory,
            ClientResources resources, ServerLoops serverLoops) {
        return new LoopLocalRedisConnections(redisConnectionFactory, resources, serverLoops);
    }

    /**
     * Spring Cloud Gateway's HTTP client for calling the services, on the server's event loops and with a
     * connection pool per loop.
     */
    @Bean
    HttpClientFactory gatewayHttpClientFactory(HttpClientProperties properties, ServerProperties serverProperties,
            List<HttpClientCustomizer> customizers, HttpClientSslConfigurer sslConfigurer, ServerLoops serverLoops) {
        return new HttpClientFactory(properties, serverProperties, sslConfigurer, customizers) {
            @Override
            protected HttpClient createInstance() {
                return super.createInstance().runOn(serverLoops);
            }

            @Override
            protected ConnectionProvider buildConnectionProvider(HttpClientProperties settings) {
                return new LoopLocalConnectionPools(serverLoops, () -> super.buildConnectionProvider(settings));
            }
        };
    }
}

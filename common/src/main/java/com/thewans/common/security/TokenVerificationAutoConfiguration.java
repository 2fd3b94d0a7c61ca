package com.thewans.common.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** One verifier per process, shared by the gateway's and the services' security. */
@AutoConfiguration
@EnableConfigurationProperties(TokenProperties.class)
public class TokenVerificationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AccessTokenVerifier accessTokenVerifier(TokenProperties properties) {
        return new AccessTokenVerifier(JwksSource.of(properties.jwksUri()), properties.issuer(),
                properties.audience(), properties.clockSkew(), Duration.ofMinutes(10), Duration.ofSeconds(10),
                // the wall clock, not the service's Clock bean: tokens expire in real time even while
                // a test moves the service's business time
                Clock.systemUTC());
    }
}

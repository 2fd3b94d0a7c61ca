package com.thewans.identity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.thewans.common.web.AuthorizationRules;

/** What identity answers without a token: everything needed to get one, and the public keys. */
@Configuration(proxyBeanMethods = false)
class PublicEndpoints {

    @Bean
    AuthorizationRules identityPublicEndpoints() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/api/auth/wallet/nonce").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login", "/api/auth/refresh",
                        "/api/auth/wallet/login", "/api/auth/verification/confirm",
                        "/api/auth/password-reset/request", "/api/auth/password-reset/confirm",
                        "/api/auth/service-token").permitAll();
    }
}

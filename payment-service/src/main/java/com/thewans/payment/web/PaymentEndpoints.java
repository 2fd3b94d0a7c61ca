package com.thewans.payment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.thewans.common.web.AuthorizationRules;

/**
 * The plans are public (the shop window is browsed before signing up), and providers call the
 * webhooks, proving themselves with signatures the service checks. Everything else needs a
 * token; ownership and roles are checked on the endpoints.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEndpoints {

    @Bean
    AuthorizationRules paymentPublicEndpoints() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/plans", "/api/plans/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/webhooks/**").permitAll()
                .requestMatchers(HttpMethod.PUT, "/api/webhooks/**").permitAll();
    }
}

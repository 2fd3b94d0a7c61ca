package com.thewans.rights.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.thewans.common.web.AuthorizationRules;

/**
 * Availability is public (shop windows are browsed before signing in); everything else needs a
 * token, and the role checks live on the endpoints themselves.
 */
@Configuration(proxyBeanMethods = false)
class RightsEndpoints {

    @Bean
    AuthorizationRules rightsPublicEndpoints() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/availability/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/availability/bulk").permitAll();
    }
}

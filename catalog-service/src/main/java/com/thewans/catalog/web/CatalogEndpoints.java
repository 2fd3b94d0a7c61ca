package com.thewans.catalog.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.thewans.common.web.AuthorizationRules;

/**
 * Browsing the catalog needs no account: anonymous GETs reach catalog without a token. Writes
 * need a signed-in caller; which role may do what (CREATOR for own films, ADMIN for any film and
 * for genres) is decided in the services, since it depends on who owns the film.
 */
@Configuration(proxyBeanMethods = false)
class CatalogEndpoints {

    @Bean
    AuthorizationRules catalogPublicEndpoints() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/films", "/api/films/**", "/api/genres",
                "/api/genres/**").permitAll();
    }
}

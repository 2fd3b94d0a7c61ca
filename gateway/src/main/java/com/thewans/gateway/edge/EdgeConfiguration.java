package com.thewans.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import com.thewans.gateway.FilterOrder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class EdgeConfiguration {

    /**
     * Browsers on the web app, creator portal and admin console call the API cross-origin. CORS runs
     * before everything else so a preflight needs no token and even a 401 or 429 carries the headers
     * the browser needs to let the app read it.
     */
    @Bean
    @Order(FilterOrder.CORS)
    CorsWebFilter corsWebFilter(EdgeProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match",
                "Idempotency-Key", "Accept", "Accept-Language"));
        // Idempotent-Replayed tells the web app a retried payment was answered from the first attempt
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", FrontDoorFilter.REQUEST_ID,
                "X-RateLimit-Remaining", "Idempotent-Replayed"));
        cors.setAllowCredentials(false); // bearer tokens, not cookies
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }

}

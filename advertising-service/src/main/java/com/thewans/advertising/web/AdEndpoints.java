package com.thewans.advertising.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.thewans.common.web.AuthorizationRules;

/**
 * What players fetch by URL without a token: beacons and the later breaks of a VMAP, each carrying
 * an HMAC the endpoint checks; and the POST beacons of clients that post (the token in the body is the
 * proof). Ad decisions and VMAPs need a signed-in viewer; campaigns and reports an admin.
 */
@Configuration(proxyBeanMethods = false)
class AdEndpoints {

    @Bean
    AuthorizationRules adBeaconEndpoints() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/ads/beacons/**", "/api/ads/breaks/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/ads/impression", "/api/ads/click").permitAll();
    }
}

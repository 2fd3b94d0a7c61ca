package com.thewans.notification.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.thewans.common.web.AuthorizationRules;

/** Unsubscribe links work without signing in: the signed token in the link is the proof. */
@Configuration(proxyBeanMethods = false)
class NotificationEndpoints {

    @Bean
    AuthorizationRules notificationPublicEndpoints() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/notify/unsubscribe").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/notify/unsubscribe").permitAll();
    }
}

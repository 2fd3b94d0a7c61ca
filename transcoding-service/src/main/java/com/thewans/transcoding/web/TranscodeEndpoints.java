package com.thewans.transcoding.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.thewans.common.security.Role;
import com.thewans.common.web.AuthorizationRules;

/**
 * Who may call what (the gateway applies the same rules at the edge; this is defence in depth):
 * the webhook is signed rather than token-protected, content keys go to services only, and
 * everything else under /api/transcode needs a CREATOR or ADMIN.
 */
@Configuration(proxyBeanMethods = false)
class TranscodeEndpoints {

    @Bean
    AuthorizationRules transcodeRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/transcode/webhook").permitAll()
                .requestMatchers("/api/transcode/internal/**").hasAuthority(Role.SERVICE.authority())
                .requestMatchers("/api/transcode/**").hasAnyAuthority(Role.CREATOR.authority(),
                        Role.ADMIN.authority());
    }
}

package com.thewans.playback.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.thewans.common.web.AuthorizationRules;

/**
 * What players fetch by URL (playlists, manifests, segments, keys, licences) carries a playback
 * token instead of an access token, checked by the delivery endpoints themselves; everything else
 * needs a signed-in viewer.
 */
@Configuration(proxyBeanMethods = false)
class PlaybackEndpoints {

    @Bean
    AuthorizationRules playbackTokenEndpoints() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/playback/sessions/**", "/api/playback/key/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/playback/licence/**").permitAll();
    }
}

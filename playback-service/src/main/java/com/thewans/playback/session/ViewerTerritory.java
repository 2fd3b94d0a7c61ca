package com.thewans.playback.session;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.common.client.ServiceClient;
import com.thewans.common.client.ServiceClients;
import com.thewans.common.problem.WansException;
import com.thewans.common.web.EdgeCountry;

/**
 * Where the viewer is watching from: the edge's country header (believed because the gateway
 * passes it only from trusted proxies, see {@link EdgeCountry}), else the country in the viewer's
 * profile. Never a field the client fills in.
 */
@Component
class ViewerTerritory {

    /** Our own small view of identity's profile (tolerant reader). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Profile(String country) {
    }

    private final ServiceClient identity;

    ViewerTerritory(ServiceClients clients) {
        this.identity = clients.forService("identity");
    }

    String of(HttpServletRequest request) {
        return EdgeCountry.of(request).or(this::profileCountry).orElseThrow(TerritoryUnknown::new);
    }

    private Optional<String> profileCountry() {
        try {
            Profile profile = identity.get("/api/profile", Profile.class);
            return Optional.ofNullable(profile == null ? null : profile.country());
        } catch (WansException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}

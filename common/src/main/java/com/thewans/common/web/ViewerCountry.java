package com.thewans.common.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.common.client.ServiceClient;
import com.thewans.common.client.ServiceClients;
import com.thewans.common.problem.WansException;

/**
 * Which country the viewer of this request is in: the edge's country header (believed because the
 * gateway passes it only from trusted proxies, see {@link EdgeCountry}), else the country in the
 * viewer's profile, asked of identity-service with the viewer's own token. Never a field the client
 * fills in, which would let anyone shop or watch as if elsewhere. Empty when neither says.
 */
public class ViewerCountry {

    /** Our own small view of identity's profile (tolerant reader). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Profile(String country) {
    }

    private final ServiceClient identity;

    public ViewerCountry(ServiceClients clients) {
        this.identity = clients.forService("identity");
    }

    public Optional<String> of(HttpServletRequest request) {
        return EdgeCountry.of(request).or(this::profileCountry);
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

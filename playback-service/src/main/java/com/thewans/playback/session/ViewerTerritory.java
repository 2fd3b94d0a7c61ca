package com.thewans.playback.session;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import com.thewans.common.client.ServiceClients;
import com.thewans.common.web.ViewerCountry;

/** Where the viewer is watching from (common's {@link ViewerCountry}: the trusted edge, else the profile). */
@Component
class ViewerTerritory {

    private final ViewerCountry country;

    ViewerTerritory(ServiceClients clients) {
        this.country = new ViewerCountry(clients);
    }

    String of(HttpServletRequest request) {
        return country.of(request).orElseThrow(TerritoryUnknown::new);
    }
}

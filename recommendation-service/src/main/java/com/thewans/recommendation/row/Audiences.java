package com.thewans.recommendation.row;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.EdgeCountry;

/**
 * Works out whom a request's rows are for. The territory is common's ViewerCountry rule (the
 * trusted edge's country, else the profile's), with the profile read once for both. A viewer
 * asking for someone else's rows is refused unless an admin; an admin sees them with that viewer's
 * kept profile, in the admin's own territory.
 */
@Component
class Audiences {

    private final ViewerProfiles profiles;

    Audiences(ViewerProfiles profiles) {
        this.profiles = profiles;
    }

    Audience of(CurrentUser caller, UUID userId, HttpServletRequest request) {
        UUID viewer = userId == null ? caller.userId() : userId;
        boolean own = viewer.equals(caller.userId());
        if (!own && !caller.isAdmin()) {
            throw new RowsOfAnotherViewer(viewer);
        }
        ViewerProfile profile = own ? profiles.own(viewer) : profiles.keptOf(viewer);
        String territory = EdgeCountry.of(request)
                .or(() -> java.util.Optional.ofNullable(own ? profile.country()
                        : profiles.own(caller.userId()).country()))
                .map(c -> c.toUpperCase(Locale.ROOT)).orElseThrow(TerritoryUnknown::new);
        return new Audience(viewer, territory, profile.maturity(), profile.languages(), profile.genres());
    }
}

package com.thewans.advertising.decision;

import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.advertising.campaign.DeviceType;
import com.thewans.common.client.ServiceClients;
import com.thewans.common.problem.InvalidField;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.ViewerCountry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Ad decisions as XML for players: VAST 4.2 for a break, VMAP 1.0 for a playback session. Never an
 * error a player would choke on: a viewer whose territory is unknown, a film advertising has not
 * heard of, or Redis being down all answer "no ads".
 */
@RestController
@Tag(name = "Ad decisions", description = "VAST 4.2 ad pods and VMAP 1.0 break schedules")
class ServeController {

    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final AdServing serving;
    private final ViewerCountry countries;

    ServeController(AdServing serving, ServiceClients clients) {
        this.serving = serving;
        this.countries = new ViewerCountry(clients);
    }

    @GetMapping("/api/ads/serve/{filmId}")
    @Operation(summary = "The ads of one break for the signed-in viewer (VAST 4.2; empty VAST when none)")
    ResponseEntity<String> serve(@PathVariable UUID filmId, @RequestParam(required = false) String device,
            @RequestParam(required = false) String tz, @RequestHeader(value = "User-Agent", required = false) String ua,
            @AuthenticationPrincipal CurrentUser viewer, HttpServletRequest request) {
        return xml(serving.vast(context(viewer, device, tz, ua, request), filmId));
    }

    @GetMapping("/api/ads/vmap/{filmId}")
    @Operation(summary = "The VMAP of a playback session: pre-roll inline, mid-rolls and post-roll by URL")
    ResponseEntity<String> vmap(@PathVariable UUID filmId, @RequestParam(required = false) UUID sessionId,
            @RequestParam(required = false) String device, @RequestParam(required = false) String tz,
            @RequestHeader(value = "User-Agent", required = false) String ua,
            @AuthenticationPrincipal CurrentUser viewer, HttpServletRequest request) {
        return xml(serving.vmap(context(viewer, device, tz, ua, request), filmId, sessionId));
    }

    @GetMapping("/api/ads/breaks/{filmId}")
    @Operation(summary = "A later break of a VMAP, by its signed URL (players fetch it without a token)")
    ResponseEntity<String> adBreak(@PathVariable UUID filmId, @RequestParam(name = "b", required = false) String b,
            @RequestParam(name = "s", required = false) String s) {
        return xml(serving.breakVast(filmId, b, s));
    }

    private ViewerContext context(CurrentUser viewer, String device, String tz, String ua,
            HttpServletRequest request) {
        DeviceType type;
        if (device == null) {
            type = DeviceType.fromUserAgent(ua);
        } else {
            try {
                type = DeviceType.valueOf(device);
            } catch (IllegalArgumentException e) {
                throw new InvalidField("device", "must be WEB, MOBILE or TV");
            }
        }
        String territory;
        try {
            territory = countries.of(request).orElse(null);
        } catch (RuntimeException e) {
            territory = null;  // identity is down or the profile has no country: no ads rather than no film
        }
        return new ViewerContext(viewer.userId(), territory, type, TimeZones.of(tz, territory));
    }

    private static ResponseEntity<String> xml(String body) {
        return ResponseEntity.ok().contentType(XML).cacheControl(CacheControl.noStore()).body(body);
    }
}

package com.thewans.advertising.tracking;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Tracking beacons. Players fire the GETs from VAST without a token (public at the gateway); the
 * signed token in the URL is the proof. 204 whether or not this firing counted (a repeat counts
 * nothing); 400 for a token that does not hold, without saying why.
 */
@RestController
@Tag(name = "Tracking", description = "Impression, quartile, click and error beacons of served ads")
class BeaconController {

    private final Beacons beacons;

    BeaconController(Beacons beacons) {
        this.beacons = beacons;
    }

    @GetMapping("/api/ads/beacons/{event}")
    @Operation(summary = "A player's beacon (impression, start, quartiles, complete, pause, skip, click, error)")
    ResponseEntity<Void> beacon(@PathVariable String event, @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "code", required = false) String errorCode) {
        BeaconEvent named = BeaconEvent.named(event).orElseThrow(BeaconRefused::new);
        return answer(beacons.record(named, token));
    }

    @PostMapping("/api/ads/impression")
    @Operation(summary = "Report an impression with the token of the ad's impression URL")
    ResponseEntity<Void> impression(@Valid @RequestBody BeaconRequest request) {
        return answer(beacons.record(BeaconEvent.IMPRESSION, request.token()));
    }

    @PostMapping("/api/ads/click")
    @Operation(summary = "Report a click with the token of the ad's click tracking URL")
    ResponseEntity<Void> click(@Valid @RequestBody BeaconRequest request) {
        return answer(beacons.record(BeaconEvent.CLICK, request.token()));
    }

    private static ResponseEntity<Void> answer(Beacons.Outcome outcome) {
        if (outcome == Beacons.Outcome.REFUSED) {
            throw new BeaconRefused();
        }
        return ResponseEntity.noContent().build();
    }
}

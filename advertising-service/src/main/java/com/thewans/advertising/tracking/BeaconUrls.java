package com.thewans.advertising.tracking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.stereotype.Component;

import com.thewans.advertising.AdSettings;

/**
 * The tracking URLs VAST hands to players: GETs (players fire beacons as GETs and add no headers),
 * each carrying the served ad and an HMAC of it and the event, so it counts only for what was served.
 */
@Component
public class BeaconUrls {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private final String base;
    private final BeaconSigner signer;

    BeaconUrls(AdSettings settings, BeaconSigner signer) {
        this.base = settings.publicBaseUrl();
        this.signer = signer;
    }

    public String of(BeaconEvent event, ServedAd ad) {
        String token = token(event, ad);
        String url = base + "/api/ads/beacons/" + event.vastName() + "?t=" + token;
        // the player replaces [ERRORCODE] with VAST's error number (IAB macro)
        return event == BeaconEvent.ERROR ? url + "&code=[ERRORCODE]" : url;
    }

    /** The signed token of one event of one served ad ({@code payload.signature}), also what POST clients send. */
    public String token(BeaconEvent event, ServedAd ad) {
        String payload = URL.encodeToString(ad.payload().getBytes(StandardCharsets.UTF_8));
        return payload + "." + signer.sign(event.vastName(), payload);
    }
}

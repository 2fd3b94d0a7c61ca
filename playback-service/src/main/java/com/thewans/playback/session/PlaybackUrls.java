package com.thewans.playback.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.thewans.playback.PlaybackSettings;

/** The URLs a session hands to players, each carrying the session's token (players may add no headers). */
@Component
public class PlaybackUrls {

    private final String base;

    PlaybackUrls(PlaybackSettings settings) {
        this.base = settings.publicBaseUrl();
    }

    public String hlsMaster(UUID sessionId, String token) {
        return base + "/api/playback/sessions/" + sessionId + "/master.m3u8?token=" + encode(token);
    }

    public String dashManifest(UUID sessionId, String token) {
        return base + "/api/playback/sessions/" + sessionId + "/manifest.mpd?token=" + encode(token);
    }

    public String key(UUID filmId, String token) {
        return base + "/api/playback/key/" + filmId + "?token=" + encode(token);
    }

    public String clearKeyLicence(String token) {
        return base + "/api/playback/licence/clearkey?token=" + encode(token);
    }

    /**
     * advertising-service's VMAP of this session (its ad breaks), for an offer that plays with ads.
     * The player fetches it with the viewer's token; the breaks inside it are signed URLs of their own.
     */
    public String adSchedule(UUID filmId, UUID sessionId) {
        return base + "/api/ads/vmap/" + filmId + "?sessionId=" + sessionId;
    }

    public static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}

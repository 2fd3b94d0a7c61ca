package com.thewans.playback.delivery;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.thewans.common.storage.ObjectStorage;
import com.thewans.playback.PlaybackSettings;
import com.thewans.playback.media.MediaLibrary;
import com.thewans.playback.media.TranscodedFilm;
import com.thewans.playback.session.PlaybackSessions;
import com.thewans.playback.session.PlaybackUrls;

/** Serves a live session what its token opens; every request checks the token and the session's lease first. */
@Service
class MediaDelivery {

    record Licence(String contentType, byte[] body) {
    }

    private final PlaybackSessions sessions;
    private final MediaLibrary library;
    private final HlsPlaylists hls;
    private final DashManifests dash;
    private final ContentKeys keys;
    private final Map<String, LicenceProvider> licences;
    private final ObjectStorage storage;
    private final PlaybackSettings settings;

    MediaDelivery(PlaybackSessions sessions, MediaLibrary library, HlsPlaylists hls, DashManifests dash,
            ContentKeys keys, List<LicenceProvider> licences, ObjectStorage storage, PlaybackSettings settings) {
        this.sessions = sessions;
        this.library = library;
        this.hls = hls;
        this.dash = dash;
        this.keys = keys;
        this.licences = licences.stream().collect(Collectors.toMap(LicenceProvider::system, Function.identity()));
        this.storage = storage;
        this.settings = settings;
    }

    String hlsMaster(UUID sessionId, String token) {
        PlaybackSessions.Authorized session = sessions.authorize(token, null, sessionId);
        return hls.master(film(session), session.maxQuality(), token);
    }

    String hlsVariant(UUID sessionId, String rendition, String token) {
        PlaybackSessions.Authorized session = sessions.authorize(token, null, sessionId);
        return hls.variant(film(session), session.maxQuality(), rendition, token);
    }

    String dashManifest(UUID sessionId, String token) {
        PlaybackSessions.Authorized session = sessions.authorize(token, null, sessionId);
        String base = settings.publicBaseUrl() + "/api/playback/sessions/" + sessionId + "/dash/"
                + PlaybackUrls.encode(token) + "/";
        return dash.manifest(film(session), session.maxQuality(), base);
    }

    URI dashSegment(UUID sessionId, String token, String file) {
        PlaybackSessions.Authorized session = sessions.authorize(token, null, sessionId);
        TranscodedFilm film = film(session);
        String key = dash.segmentKey(film, session.maxQuality(), file);
        return storage.presignedGet(film.bucket(), key, settings.segmentUrlTtl()).url();
    }

    byte[] key(UUID filmId, String token) {
        sessions.authorize(token, filmId, null);
        return keys.of(filmId).key();
    }

    Licence licence(String system, String token, byte[] request) {
        LicenceProvider provider = licences.get(system);
        if (provider == null) {
            throw new LicenceSystemUnsupported(system, licences.keySet().stream().sorted().toList());
        }
        PlaybackSessions.Authorized session = sessions.authorize(token, null, null);
        return new Licence(provider.contentType(), provider.licence(request, keys.of(session.token().filmId())));
    }

    private TranscodedFilm film(PlaybackSessions.Authorized session) {
        UUID filmId = session.token().filmId();
        return library.find(filmId).orElseThrow(() -> new MediaMissing("films/" + filmId));
    }
}

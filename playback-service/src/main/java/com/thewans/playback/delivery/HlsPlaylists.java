package com.thewans.playback.delivery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.thewans.common.storage.ObjectStorage;
import com.thewans.playback.PlaybackSettings;
import com.thewans.playback.media.Quality;
import com.thewans.playback.media.Rendition;
import com.thewans.playback.media.TranscodedFilm;
import com.thewans.playback.session.PlaybackUrls;

/**
 * The HLS playlists a session gets, rewritten from what transcoding stored: the master lists only
 * the renditions the viewer's plan allows (the server caps quality, not the player), every URL
 * carries the session's token, the key URI is playback's own with the token, and segments are
 * presigned storage URLs (they are AES-128 encrypted; without the key they are noise).
 */
@Component
class HlsPlaylists {

    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");
    static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final ObjectStorage storage;
    private final StoredMedia stored;
    private final PlaybackUrls urls;
    private final PlaybackSettings settings;

    HlsPlaylists(ObjectStorage storage, StoredMedia stored, PlaybackUrls urls, PlaybackSettings settings) {
        this.storage = storage;
        this.stored = stored;
        this.urls = urls;
        this.settings = settings;
    }

    /** The master playlist with the renditions above {@code cap} left out. */
    String master(TranscodedFilm film, Quality cap, String token) {
        return rewriteMaster(film, cap, token, null);
    }

    /** The variant (or audio) playlist in {@code folder}, if the master this viewer gets lists it. */
    String variant(TranscodedFilm film, Quality cap, String folder, String token) {
        Set<String> listed = new LinkedHashSet<>();
        rewriteMaster(film, cap, token, listed);
        if (!FOLDER.matcher(folder).matches() || !listed.contains(folder)) {
            throw new RenditionNotAllowed(folder, cap);
        }
        String base = film.hlsFolder() + folder + "/";
        StringBuilder out = new StringBuilder();
        for (String line : read(film.bucket(), base + "index.m3u8").split("\r?\n")) {
            if (line.startsWith("#EXT-X-KEY:")) {
                line = replaceUri(line, urls.key(film.filmId(), token));
            } else if (line.startsWith("#EXT-X-MAP:")) {
                Matcher m = URI_ATTRIBUTE.matcher(line);
                if (m.find()) {
                    line = replaceUri(line, presigned(film, base + m.group(1)));
                }
            } else if (!line.isBlank() && !line.startsWith("#")) {
                line = presigned(film, base + line.strip());
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private String rewriteMaster(TranscodedFilm film, Quality cap, String token, Set<String> listed) {
        List<Rendition> allowed = film.allowedBy(cap);
        String[] lines = read(film.bucket(), film.hlsMasterKey()).split("\r?\n");
        String query = "/index.m3u8?token=" + PlaybackUrls.encode(token);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#EXT-X-STREAM-INF:") && i + 1 < lines.length) {
                String uri = lines[++i].strip();
                String folder = folderOf(uri);
                boolean ok = allowed.stream().anyMatch(r -> r.playlistKey().equals(film.hlsFolder() + uri));
                if (ok && folder != null) {
                    out.append(line).append('\n').append("hls/").append(folder).append(query).append('\n');
                    if (listed != null) {
                        listed.add(folder);
                    }
                }
                continue;
            }
            if (line.startsWith("#EXT-X-MEDIA:")) {
                Matcher m = URI_ATTRIBUTE.matcher(line);
                String folder = m.find() ? folderOf(m.group(1)) : null;
                if (folder != null) {
                    line = replaceUri(line, "hls/" + folder + query);
                    if (listed != null) {
                        listed.add(folder);
                    }
                }
            } else if (line.startsWith("#EXT-X-I-FRAME-STREAM-INF:")) {
                continue;  // trick-play lists are not capped by rendition here; the thumbnails serve scrubbing
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** {@code 720p/index.m3u8} -> {@code 720p}; anything else is not a playlist transcoding wrote. */
    private static String folderOf(String uri) {
        int slash = uri.indexOf('/');
        if (slash < 1 || !uri.substring(slash).equals("/index.m3u8")) {
            return null;
        }
        String folder = uri.substring(0, slash);
        return FOLDER.matcher(folder).matches() ? folder : null;
    }

    private String presigned(TranscodedFilm film, String key) {
        return storage.presignedGet(film.bucket(), key, settings.segmentUrlTtl()).url().toString();
    }

    private static String replaceUri(String line, String uri) {
        return URI_ATTRIBUTE.matcher(line).replaceFirst(Matcher.quoteReplacement("URI=\"" + uri + "\""));
    }

    private String read(String bucket, String key) {
        return stored.text(bucket, key);
    }
}

package com.thewans.transcoding.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FFmpeg writes CENC-encrypted DASH segments (with the KID in their tenc boxes) but no
 * ContentProtection in the manifest; players (dash.js with ClearKey) need it to ask for a key.
 * This adds the generic mp4protection descriptor with the default KID and the W3C ClearKey system
 * to every adaptation set; Widevine/PlayReady descriptors join them when a DRM vendor is added.
 */
public final class DashProtection {

    static final String CLEARKEY_SYSTEM = "urn:uuid:e2719d58-a985-b3c9-781a-b030af78d30e";
    private static final Pattern ADAPTATION_SET = Pattern.compile("(<AdaptationSet[^>]*>)");

    private DashProtection() {
    }

    public static void declare(Path manifest, UUID keyId) throws IOException {
        String mpd = Files.readString(manifest, StandardCharsets.UTF_8);
        if (!mpd.contains("xmlns:cenc=")) {
            mpd = mpd.replaceFirst("<MPD ", "<MPD xmlns:cenc=\"urn:mpeg:cenc:2013\" ");
        }
        String protection = "\n\t\t\t<ContentProtection schemeIdUri=\"urn:mpeg:dash:mp4protection:2011\" value=\"cenc\""
                + " cenc:default_KID=\"" + keyId + "\" />"
                + "\n\t\t\t<ContentProtection schemeIdUri=\"" + CLEARKEY_SYSTEM + "\" value=\"ClearKey1.0\" />";
        Matcher sets = ADAPTATION_SET.matcher(mpd);
        StringBuilder patched = new StringBuilder();
        while (sets.find()) {
            sets.appendReplacement(patched, Matcher.quoteReplacement(sets.group(1) + protection));
        }
        sets.appendTail(patched);
        Files.writeString(manifest, patched.toString(), StandardCharsets.UTF_8);
    }
}

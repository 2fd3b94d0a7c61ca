package com.thewans.transcoding.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The master playlist FFmpeg writes for a shared audio rendition needs two corrections before a
 * player sees it: FFmpeg lists the audio rendition as a variant of its own (a player short of
 * bandwidth would pick it and show no picture), and its video variants' BANDWIDTH leaves the audio
 * out, which RFC 8216 (4.3.4.2) counts in.
 */
public final class HlsMaster {

    private static final Pattern BANDWIDTH = Pattern.compile("(?<![A-Z-])BANDWIDTH=(\\d+)");
    private static final Pattern AVERAGE = Pattern.compile("AVERAGE-BANDWIDTH=(\\d+)");

    private HlsMaster() {
    }

    /** Removes the audio-only variant whose URI starts with {@code audioFolder/} and adds its rates to the others. */
    public static void shareAudio(Path master, String audioFolder) throws IOException {
        List<String> lines = Files.readAllLines(master, StandardCharsets.UTF_8);
        long audioPeak = 0;
        long audioAverage = 0;
        List<String> kept = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#EXT-X-STREAM-INF:") && i + 1 < lines.size()
                    && lines.get(i + 1).startsWith(audioFolder + "/")) {
                audioPeak = first(BANDWIDTH, line);
                audioAverage = first(AVERAGE, line);
                i++; // its URI goes too
                continue;
            }
            kept.add(line);
        }
        if (audioPeak == 0) {
            return; // no audio rendition listed as a variant: nothing to correct
        }
        List<String> out = new ArrayList<>(kept.size());
        for (String line : kept) {
            if (line.startsWith("#EXT-X-STREAM-INF:")) {
                line = add(AVERAGE, add(BANDWIDTH, line, audioPeak), audioAverage);
            }
            out.add(line);
        }
        Files.write(master, out, StandardCharsets.UTF_8);
    }

    private static long first(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String add(Pattern pattern, String line, long extra) {
        Matcher m = pattern.matcher(line);
        if (!m.find() || extra == 0) {
            return line;
        }
        long total = Long.parseLong(m.group(1)) + extra;
        return line.substring(0, m.start(1)) + total + line.substring(m.end(1));
    }
}

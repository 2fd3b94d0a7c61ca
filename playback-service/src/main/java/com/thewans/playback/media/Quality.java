package com.thewans.playback.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A picture quality by its lines, as plans name their best ({@code 480p}) and transcoding names its
 * renditions ({@code 240p} ... {@code 2160p}). A value that exists is valid.
 */
public record Quality(int lines) implements Comparable<Quality> {

    private static final Pattern NAME = Pattern.compile("(\\d{3,4})p");

    public Quality {
        if (lines < 144 || lines > 4320) {
            throw new IllegalArgumentException("not a picture quality: " + lines + " lines");
        }
    }

    public static Quality of(String name) {
        Matcher m = name == null ? null : NAME.matcher(name.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a picture quality: " + name);
        }
        return new Quality(Integer.parseInt(m.group(1)));
    }

    /** The better of two. */
    public Quality max(Quality other) {
        return other == null || lines >= other.lines ? this : other;
    }

    public boolean allows(int renditionLines) {
        return renditionLines <= lines;
    }

    @Override
    public int compareTo(Quality o) {
        return Integer.compare(lines, o.lines);
    }

    @Override
    public String toString() {
        return lines + "p";
    }
}

package com.thewans.transcoding.ladder;

import java.util.Collection;
import java.util.List;

import com.thewans.media.MediaInfo;
import com.thewans.media.NotAPlayableVideo;

/** Chooses the renditions for a master: every requested rung up to the source height, never upscaled. */
public final class Ladder {

    private Ladder() {
    }

    /**
     * @param requested rung names the job asked for; empty means all of them
     */
    public static List<Rung> choose(MediaInfo source, Collection<String> requested) throws NotAPlayableVideo {
        // portrait masters: the rung names the short side, like the players' quality menus do
        int sourceLines = Math.min(source.width(), source.height());
        List<Rung> wanted = Rung.STANDARD.stream()
                .filter(r -> requested == null || requested.isEmpty() || requested.contains(r.name()))
                .toList();
        List<Rung> fitting = wanted.stream().filter(r -> r.height() <= sourceLines).toList();
        if (!fitting.isEmpty()) {
            return fitting;
        }
        if (requested == null || requested.isEmpty()) {
            // smaller than 240 lines: one rendition at the source size rather than an upscale
            int even = sourceLines - sourceLines % 2;
            return List.of(new Rung(even + "p", even, 300));
        }
        throw new NotAPlayableVideo("None of the requested renditions " + requested + " fits a " + sourceLines
                + "-line master; renditions are never upscaled");
    }
}

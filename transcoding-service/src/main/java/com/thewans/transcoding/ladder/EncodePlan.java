package com.thewans.transcoding.ladder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.thewans.transcoding.ffmpeg.MediaInfo;

/**
 * The one FFmpeg command that decodes the master once and encodes every rung (a split filter),
 * with keyframes at the same instants in every rung (fixed GOP, no scene-cut keyframes) so players
 * can switch at any segment boundary. The same decode also feeds the poster frame and the sprite
 * sheet of scrubbing thumbnails.
 */
public record EncodePlan(MediaInfo source, List<Rung> rungs, String preset, int gopFrames, double segmentSeconds,
        Thumbnails thumbnails) {

    public static final double SEGMENT_SECONDS = 4.0;
    public static final int AUDIO_KBPS = 128;

    /** Thumbnails: one every {@code intervalSeconds}, {@code columns} x {@code rows} per sheet. */
    public record Thumbnails(int intervalSeconds, int count, int columns, int rows, int width, int height,
            double posterAtSeconds) {
    }

    public static EncodePlan of(MediaInfo source, List<Rung> rungs, String preset) {
        // keyframe every 2 s (4 s segments hold two), in frames of the source rate
        int gop = Math.max(1, (int) Math.round(source.frameRate() * SEGMENT_SECONDS / 2));
        int interval = Math.max(1, (int) Math.ceil(source.durationSeconds() / 100.0));
        int count = Math.max(1, Math.min(100, (int) Math.ceil(source.durationSeconds() / interval)));
        int columns = Math.min(10, count);
        int rows = (count + columns - 1) / columns;
        double poster = Math.min(source.durationSeconds() * 0.1, 10.0);
        return new EncodePlan(source, List.copyOf(rungs), preset, gop, SEGMENT_SECONDS,
                new Thumbnails(interval, count, columns, rows, 160, 90, poster));
    }

    public List<String> arguments(Path master, Path ladderFile, Path poster, Path sprite) {
        int n = rungs.size();
        StringBuilder graph = new StringBuilder("[0:v:0]split=").append(n + 2);
        for (int i = 0; i < n; i++) {
            graph.append("[s").append(i).append(']');
        }
        graph.append("[sprite_in][poster_in]");
        for (int i = 0; i < n; i++) {
            Rung r = rungs.get(i);
            // the short side gets the rung's lines; -2 keeps the other side even, as H.264 needs
            String scale = source.height() <= source.width() ? "-2:" + r.height() : r.height() + ":-2";
            graph.append(";[s").append(i).append("]scale=").append(scale).append(":flags=bicubic,format=yuv420p[v")
                    .append(i).append(']');
        }
        Thumbnails t = thumbnails;
        graph.append(";[sprite_in]fps=1/").append(t.intervalSeconds())
                .append(",scale=").append(t.width()).append(':').append(t.height())
                .append(":force_original_aspect_ratio=decrease,pad=").append(t.width()).append(':').append(t.height())
                .append(":(ow-iw)/2:(oh-ih)/2,tile=").append(t.columns()).append('x').append(t.rows()).append("[sprite]");
        int posterHeight = Math.min(720, Math.min(source.width(), source.height()));
        graph.append(";[poster_in]trim=start=").append(String.format(Locale.ROOT, "%.3f", t.posterAtSeconds()))
                .append(",setpts=PTS-STARTPTS,scale=-2:").append(posterHeight - posterHeight % 2).append("[poster]");

        List<String> args = new ArrayList<>(List.of("-i", master.toString(), "-filter_complex", graph.toString()));
        for (int i = 0; i < n; i++) {
            args.addAll(List.of("-map", "[v" + i + "]"));
        }
        if (source.hasAudio()) {
            args.addAll(List.of("-map", "0:a:0"));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", preset, "-profile:v", "high", "-g", String.valueOf(gopFrames),
                "-keyint_min", String.valueOf(gopFrames), "-sc_threshold", "0", "-bf", "2"));
        for (int i = 0; i < n; i++) {
            Rung r = rungs.get(i);
            args.addAll(List.of("-b:v:" + i, r.videoKbps() + "k", "-maxrate:v:" + i, r.maxrateKbps() + "k",
                    "-bufsize:v:" + i, r.bufsizeKbps() + "k"));
        }
        if (source.hasAudio()) {
            args.addAll(List.of("-c:a", "aac", "-b:a", AUDIO_KBPS + "k", "-ac", "2", "-ar", "48000"));
        }
        args.addAll(List.of("-f", "matroska", ladderFile.toString()));
        args.addAll(List.of("-map", "[sprite]", "-frames:v", "1", "-q:v", "4", "-update", "1", sprite.toString()));
        args.addAll(List.of("-map", "[poster]", "-frames:v", "1", "-q:v", "3", "-update", "1", poster.toString()));
        return args;
    }

    /** One stream-copy pass of the encoded ladder into HLS (fMP4) and DASH with CENC encryption. */
    public List<String> packagingArguments(Path ladderFile, Path hlsDir, Path dashDir, String keyHex, String kidHex) {
        int n = rungs.size();
        List<String> args = new ArrayList<>(List.of("-i", ladderFile.toString()));
        StringBuilder streams = new StringBuilder();
        for (int i = 0; i < n; i++) {
            args.addAll(List.of("-map", "0:v:" + i));
            if (source.hasAudio()) {
                // every variant carries the audio, so hls.js and Safari need no alternate-audio groups
                args.addAll(List.of("-map", "0:a:0"));
            }
            streams.append(i == 0 ? "" : " ").append("v:").append(i).append(source.hasAudio() ? ",a:" + i : "")
                    .append(",name:").append(rungs.get(i).name());
        }
        args.addAll(List.of("-c", "copy", "-f", "hls", "-hls_time", fmt(segmentSeconds), "-hls_playlist_type", "vod",
                "-hls_segment_type", "fmp4", "-hls_flags", "independent_segments",
                "-hls_fmp4_init_filename", "init.mp4",
                "-hls_segment_filename", hlsDir.resolve("%v").resolve("seg_%05d.m4s").toString(),
                "-master_pl_name", "master.m3u8", "-var_stream_map", streams.toString(),
                hlsDir.resolve("%v").resolve("index.m3u8").toString()));
        for (int i = 0; i < n; i++) {
            args.addAll(List.of("-map", "0:v:" + i));
        }
        if (source.hasAudio()) {
            args.addAll(List.of("-map", "0:a:0"));
        }
        args.addAll(List.of("-c", "copy", "-f", "dash", "-seg_duration", fmt(segmentSeconds), "-use_template", "1",
                "-use_timeline", "1", "-adaptation_sets", source.hasAudio() ? "id=0,streams=v id=1,streams=a"
                        : "id=0,streams=v",
                "-init_seg_name", "init_$RepresentationID$.mp4",
                "-media_seg_name", "seg_$RepresentationID$_$Number%05d$.m4s",
                "-format_options", "encryption_scheme=cenc-aes-ctr:encryption_key=" + keyHex + ":encryption_kid="
                        + kidHex,
                dashDir.resolve("manifest.mpd").toString()));
        return args;
    }

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, "%.0f", seconds);
    }
}

package com.thewans.transcoding.ladder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.thewans.media.MediaInfo;

/**
 * The one FFmpeg command that decodes the master once and encodes every rung (a split filter),
 * with keyframes at the same instants in every rung (fixed GOP, no scene-cut keyframes) so players
 * can switch at any segment boundary. The same decode also feeds the poster frame and the
 * scrubbing thumbnails, and the encoded streams go through the tee muxer straight into HLS
 * (fMP4, the AES-128 encryption is applied by the worker as it ships the segments) and DASH
 * (CENC-encrypted by FFmpeg), so no second packaging pass reads the ladder again and the segments
 * appear while the encode is still running.
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

    public List<String> arguments(Path master, Path hlsDir, Path dashDir, Path poster, Path thumbnailFrames,
            String keyHex, String kidHex) {
        int n = rungs.size();
        StringBuilder graph = new StringBuilder("[0:v:0]split=").append(n + 2);
        for (int i = 0; i < n; i++) {
            graph.append("[s").append(i).append(']');
        }
        graph.append("[tiles_in][poster_in]");
        for (int i = 0; i < n; i++) {
            Rung r = rungs.get(i);
            // the short side gets the rung's lines; -2 keeps the other side even, as H.264 needs
            String scale = source.height() <= source.width() ? "-2:" + r.height() : r.height() + ":-2";
            graph.append(";[s").append(i).append("]scale=").append(scale).append(":flags=bicubic,format=yuv420p[v")
                    .append(i).append(']');
        }
        Thumbnails t = thumbnails;
        graph.append(";[tiles_in]fps=1/").append(t.intervalSeconds())
                .append(",scale=").append(t.width()).append(':').append(t.height())
                .append(":force_original_aspect_ratio=decrease,pad=").append(t.width()).append(':').append(t.height())
                .append(":(ow-iw)/2:(oh-ih)/2[tiles]");
        int posterHeight = Math.min(720, Math.min(source.width(), source.height()));
        graph.append(";[poster_in]trim=start=").append(String.format(Locale.ROOT, "%.3f", t.posterAtSeconds()))
                .append(",setpts=PTS-STARTPTS,scale=-2:").append(posterHeight - posterHeight % 2).append("[poster]");

        List<String> args = new ArrayList<>(List.of("-i", master.toString(), "-filter_complex", graph.toString()));
        for (int i = 0; i < n; i++) {
            args.addAll(List.of("-map", "[v" + i + "]"));
        }
        if (source.hasAudio()) {
            // encoded once; HLS carries it as one audio rendition every variant points at (EXT-X-MEDIA)
            args.addAll(List.of("-map", "0:a:0"));
        }
        // the tee muxer cannot tell the encoders that fMP4 wants the parameter sets in the init segment
        args.addAll(List.of("-flags", "+global_header"));
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
        args.addAll(List.of("-f", "tee", teeSlave(hlsOptions(hlsDir), hlsDir.resolve("%v").resolve("index.m3u8"))
                + "|" + teeSlave(dashOptions(keyHex, kidHex), dashDir.resolve("manifest.mpd"))));
        // one small JPEG per thumbnail as the encode reaches it (SpriteSheet lays them out afterwards): the
        // tile filter would hold everything back to the end, and FFmpeg's progress report with it
        args.addAll(List.of("-map", "[tiles]", "-frames:v", String.valueOf(t.count()), "-q:v", "2",
                thumbnailFrames.resolve("tile_%04d.jpg").toString()));
        args.addAll(List.of("-map", "[poster]", "-frames:v", "1", "-q:v", "3", "-update", "1", poster.toString()));
        return args;
    }

    /** The name of the audio rendition's folder next to the rungs' folders in the HLS output. */
    public static final String HLS_AUDIO = "audio";

    private Map<String, String> hlsOptions(Path hlsDir) {
        StringBuilder streams = new StringBuilder();
        if (source.hasAudio()) {
            streams.append("a:0,agroup:audio,name:").append(HLS_AUDIO);
        }
        for (int i = 0; i < rungs.size(); i++) {
            streams.append(streams.isEmpty() ? "" : " ").append("v:").append(i)
                    .append(source.hasAudio() ? ",agroup:audio" : "").append(",name:").append(rungs.get(i).name());
        }
        var options = new LinkedHashMap<String, String>();
        options.put("f", "hls");
        options.put("hls_time", fmt(segmentSeconds));
        options.put("hls_playlist_type", "vod");
        options.put("hls_segment_type", "fmp4");
        options.put("hls_flags", "independent_segments");
        options.put("hls_fmp4_init_filename", "init.mp4");
        options.put("hls_segment_filename", hlsDir.resolve("%v").resolve("seg_%05d.m4s").toString());
        options.put("master_pl_name", "master.m3u8");
        options.put("var_stream_map", streams.toString());
        return options;
    }

    private Map<String, String> dashOptions(String keyHex, String kidHex) {
        var options = new LinkedHashMap<String, String>();
        options.put("f", "dash");
        options.put("seg_duration", fmt(segmentSeconds));
        options.put("use_template", "1");
        options.put("use_timeline", "1");
        options.put("adaptation_sets", source.hasAudio() ? "id=0,streams=v id=1,streams=a" : "id=0,streams=v");
        options.put("init_seg_name", "init_$RepresentationID$.mp4");
        options.put("media_seg_name", "seg_$RepresentationID$_$Number%05d$.m4s");
        options.put("format_options", "encryption_scheme=cenc-aes-ctr:encryption_key=" + keyHex + ":encryption_kid="
                + kidHex);
        return options;
    }

    /**
     * One output of the tee muxer: {@code [key=value:...]file}. FFmpeg unescapes a value twice (once
     * splitting the outputs, once splitting the options), so separators inside a value (the colons of
     * a stream map, of format options, of a path) are escaped twice.
     */
    static String teeSlave(Map<String, String> options, Path file) {
        StringBuilder slave = new StringBuilder("[");
        options.forEach((key, value) -> slave.append(slave.length() > 1 ? ":" : "").append(key).append('=')
                .append(escape(escape(value))));
        return slave.append(']').append(escape(file.toString())).toString();
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            if ("\\':|[]=,".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, "%.0f", seconds);
    }
}

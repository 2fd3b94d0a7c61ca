package com.thewans.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs ffprobe on a master and refuses, with a reason a creator understands, what is not a video. */
public class MediaProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FfmpegBinaries binaries;

    public MediaProbe(FfmpegBinaries binaries) {
        this.binaries = binaries;
    }

    public MediaInfo probe(Path file) throws NotAPlayableVideo, IOException, InterruptedException {
        Process process = binaries.command(binaries.ffprobe(), List.of("-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", file.toString()), true).redirectErrorStream(false).start();
        // stderr is small for ffprobe at -v error; read both without deadlock risk by draining stderr in a thread
        StringBuilder err = new StringBuilder();
        Thread drain = new Thread(() -> {
            try {
                err.append(new String(process.getErrorStream().readAllBytes()));
            } catch (IOException e) {
                // the process is gone; what we read so far is enough
            }
        }, "ffprobe-stderr");
        drain.setDaemon(true);
        drain.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new NotAPlayableVideo("The file could not be read in time; it does not look like a video");
        }
        drain.join(1000);
        if (process.exitValue() != 0) {
            throw new NotAPlayableVideo("The file is not a video FFmpeg can read"
                    + (err.isEmpty() ? "" : " (" + lastLine(err.toString()) + ")"));
        }
        return interpret(JSON.readTree(out));
    }

    static MediaInfo interpret(JsonNode root) throws NotAPlayableVideo {
        JsonNode video = null;
        JsonNode audio = null;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asString("");
            boolean picture = stream.path("disposition").path("attached_pic").asInt(0) == 1;
            if ("video".equals(type) && !picture && video == null) {
                video = stream;
            } else if ("audio".equals(type) && audio == null) {
                audio = stream;
            }
        }
        if (video == null) {
            throw new NotAPlayableVideo("The file has no video stream" + (audio != null ? " (it is audio only)" : ""));
        }
        String container = root.path("format").path("format_name").asString("");
        if (container.contains("image2") || container.endsWith("_pipe")) {
            throw new NotAPlayableVideo("The file is a still image (" + container + "), not a video");
        }
        double duration = number(root.path("format").path("duration"));
        if (Double.isNaN(duration) || duration <= 0) {
            duration = number(video.path("duration"));
        }
        if (Double.isNaN(duration) || duration <= 0.1) {
            throw new NotAPlayableVideo("The video has no playable duration");
        }
        int width = video.path("width").asInt(0);
        int height = video.path("height").asInt(0);
        if (width < 16 || height < 16) {
            throw new NotAPlayableVideo("The video has no usable picture size (" + width + "x" + height + ")");
        }
        double fps = rate(video.path("avg_frame_rate").asString(""));
        if (!(fps > 0)) {
            fps = rate(video.path("r_frame_rate").asString(""));
        }
        if (!(fps > 0) || fps > 240) {
            throw new NotAPlayableVideo("The video has no usable frame rate");
        }
        return new MediaInfo(duration, width, height, fps, video.path("codec_name").asString("unknown"),
                audio == null ? null : audio.path("codec_name").asString("unknown"), container);
    }

    private static double number(JsonNode node) {
        try {
            return node.isMissingNode() || node.isNull() ? Double.NaN : Double.parseDouble(node.asString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static double rate(String fraction) {
        String[] parts = fraction.split("/");
        try {
            if (parts.length == 2) {
                double den = Double.parseDouble(parts[1]);
                return den == 0 ? Double.NaN : Double.parseDouble(parts[0]) / den;
            }
            return Double.parseDouble(fraction);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        String line = lines[lines.length - 1];
        // ffprobe prefixes the file path; the creator does not need our temp folder
        int colon = line.lastIndexOf(": ");
        line = colon >= 0 ? line.substring(colon + 2) : line;
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}

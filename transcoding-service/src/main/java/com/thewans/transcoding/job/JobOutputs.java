package com.thewans.transcoding.job;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a completed job left in the media bucket, as stored in the job row and sent in
 * {@link JobCompleted}. Our workers fill every member; an external worker reports at least the
 * HLS and DASH keys, and what it leaves out stays out of the JSON. Read from a worker's report
 * as a tolerant reader: members we do not know are ignored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobOutputs(String bucket, String hlsMasterKey, String dashManifestKey, String posterKey,
        String spriteKey, String thumbnailsVttKey, Encryption encryption, List<Rendition> renditions,
        Double durationSeconds, String worker) {

    /** How the outputs are protected; the key itself goes only to playback-service. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Encryption(String hls, String dash, UUID keyId) {

        public static Encryption of(UUID keyId) {
            return new Encryption("AES-128", "cenc", keyId);
        }
    }

    /** One rung of the ladder as encoded: its size, bit rate, codecs and HLS playlist. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rendition(String name, Integer width, Integer height, Long bandwidth, String codecs,
            String playlistKey) {
    }

    /** An external worker's report: what it sent, its own duration if it measured one, and who it was. */
    public JobOutputs reportedBy(String workerId, Double reportedDuration) {
        return new JobOutputs(bucket, hlsMasterKey, dashManifestKey, posterKey, spriteKey, thumbnailsVttKey,
                encryption, renditions, reportedDuration != null ? reportedDuration : durationSeconds, workerId);
    }
}

package com.thewans.transcoding.job;

import java.util.UUID;

/** Where masters and outputs live in storage. */
public final class MasterKeys {

    private MasterKeys() {
    }

    /** Masters bucket: films/{filmId}/masters/{uploadId}/{fileName}. */
    public static String filmPrefix(UUID filmId) {
        return "films/" + filmId + "/";
    }

    public static String master(UUID filmId, UUID uploadId, String fileName) {
        return filmPrefix(filmId) + "masters/" + uploadId + "/" + fileName;
    }

    /** Media bucket: films/{filmId}/jobs/{jobId}/ (hls/, dash/, thumbnails/). */
    public static String outputs(UUID filmId, UUID jobId) {
        return filmPrefix(filmId) + "jobs/" + jobId + "/";
    }
}

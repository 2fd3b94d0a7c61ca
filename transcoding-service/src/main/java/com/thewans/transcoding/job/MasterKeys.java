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

    /** Media bucket: films/{filmId}/jobs/{jobId}/, everything a job stores. */
    public static String outputs(UUID filmId, UUID jobId) {
        return filmPrefix(filmId) + "jobs/" + jobId + "/";
    }

    /**
     * One attempt's outputs (hls/, dash/, thumbnails/) under the job, named by its lease: a worker
     * that lost its job to another (or to a cancel) removes its own uploads without touching the
     * attempt that carries on.
     */
    public static String attemptOutputs(UUID filmId, UUID jobId, UUID leaseToken) {
        return outputs(filmId, jobId) + leaseToken + "/";
    }
}

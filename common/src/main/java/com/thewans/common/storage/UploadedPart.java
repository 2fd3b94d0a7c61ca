package com.thewans.common.storage;

/** One uploaded part of a multipart upload: its number (1..10000) and the ETag storage answered. */
public record UploadedPart(int partNumber, String etag) {

    public UploadedPart {
        if (partNumber < 1 || partNumber > 10_000) {
            throw new IllegalArgumentException("S3 part numbers run from 1 to 10000: " + partNumber);
        }
        if (etag == null || etag.isBlank()) {
            throw new IllegalArgumentException("part " + partNumber + " has no ETag");
        }
    }
}

package com.thewans.common.storage;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/**
 * Storage refused what the client asked for (an unknown upload, parts that were never uploaded
 * or whose ETags do not match, a part too small): the client's mistake, so a 400.
 */
public class StorageRequestRejected extends WansException {

    public StorageRequestRejected(String storageCode, String detail) {
        super(HttpStatus.BAD_REQUEST, "storage-request-rejected", detail);
        with("storageCode", storageCode);
    }
}

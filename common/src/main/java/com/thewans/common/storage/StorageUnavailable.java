package com.thewans.common.storage;

import com.thewans.common.problem.DependencyUnavailable;

/** The object store did not answer, or answered with a server error: a 503, never a 500. */
public class StorageUnavailable extends DependencyUnavailable {

    public StorageUnavailable(Throwable cause) {
        super("object-storage", cause);
    }
}

package com.thewans.devstack;

/**
 * Something the developer can fix (a taken port, a malformed URL, a service that did not come up).
 * The message is one line that says what and where; the command line prints it without a stack
 * trace, and the system tests see it as the failure reason.
 */
public class DevstackException extends RuntimeException {

    public DevstackException(String message) {
        super(message);
    }

    public DevstackException(String message, Throwable cause) {
        super(message, cause);
    }
}

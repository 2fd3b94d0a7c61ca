package com.thewans.devstack;

import java.net.URI;

/**
 * One row of the stack as the table and the state file show it: a service, the gateway or a piece
 * of infrastructure. {@code healthUrl} is polled over HTTP; without one the address is checked by
 * opening a TCP connection. {@code pid} is 0 for infrastructure the stack did not start.
 */
public record Member(String name, String url, long pid, long startMillis, String healthUrl, boolean infrastructure) {

    public String host() {
        return URI.create(url).getHost();
    }

    public int port() {
        return URI.create(url).getPort();
    }

    public boolean external() {
        return pid == 0;
    }
}

package com.thewans.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Where a request came from, as far as sessions, throttling and audit need to know. The address
 * is the container's view: X-Forwarded-For is honoured only from trusted proxies (the gateway).
 */
public record ClientOrigin(String ipAddress, String userAgent) {

    static final int MAX_USER_AGENT = 300;

    public static ClientOrigin of(HttpServletRequest request) {
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new ClientOrigin(request.getRemoteAddr(), agent);
    }
}

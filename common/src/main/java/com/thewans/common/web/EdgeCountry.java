package com.thewans.common.web;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The viewer's country as the edge saw it: the CDN's country header ({@code CF-IPCountry}) or a
 * load balancer's ({@code X-Country}). The gateway passes these on only from trusted proxies and
 * drops them from anyone else, so behind it they can be believed. Codes that name no country
 * (Cloudflare's {@code XX} for unknown and {@code T1} for Tor) count as absent.
 */
public final class EdgeCountry {

    public static final String CDN_HEADER = "CF-IPCountry";
    public static final String BALANCER_HEADER = "X-Country";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private EdgeCountry() {
    }

    public static Optional<String> of(HttpServletRequest request) {
        for (String header : new String[] {CDN_HEADER, BALANCER_HEADER}) {
            String value = request.getHeader(header);
            if (value != null) {
                String code = value.strip().toUpperCase(Locale.ROOT);
                if (COUNTRIES.contains(code)) {
                    return Optional.of(code);
                }
            }
        }
        return Optional.empty();
    }
}

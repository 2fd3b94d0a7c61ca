package com.thewans.gateway.security;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What a caller must be to pass the front door. The services check again with their own rules
 * (defence in depth); the gateway's job is to keep anonymous and under-privileged traffic off
 * them, so these rules are coarse: by path prefix and method, not by resource owner.
 */
public final class EdgeAccessPolicy {

    public enum Access {
        /** no token needed (a token that is sent is still checked) */
        PUBLIC,
        /** any valid token */
        SIGNED_IN,
        /** CREATOR or ADMIN */
        CREATOR,
        ADMIN,
        /** service-to-service endpoints; never reachable from outside */
        INTERNAL
    }

    private record Rule(Set<HttpMethod> methods, PathPattern pattern, Access access) {
        boolean matches(HttpMethod method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method)) && pattern.matches(path);
        }
    }

    private static final Set<HttpMethod> ANY = Set.of();
    private static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<HttpMethod> POST = Set.of(HttpMethod.POST);
    /** Providers call back with POST, and mobile-money APIs also with PUT. */
    private static final Set<HttpMethod> CALLBACK = Set.of(HttpMethod.POST, HttpMethod.PUT);
    private static final Set<HttpMethod> WRITE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final List<Rule> rules;

    public EdgeAccessPolicy() {
        PathPatternParser parser = new PathPatternParser();
        // first match wins: the specific exceptions come before the broad prefixes
        this.rules = List.of(
                rule(parser, ANY, "/api/*/internal/**", Access.INTERNAL),
                rule(parser, ANY, "/api/*/admin/**", Access.ADMIN),
                rule(parser, POST, "/api/auth/creator-applications/*/approve", Access.ADMIN),
                rule(parser, POST, "/api/auth/creator-applications/*/reject", Access.ADMIN),

                // getting a token in the first place
                rule(parser, POST, "/api/auth/register", Access.PUBLIC),
                rule(parser, POST, "/api/auth/login", Access.PUBLIC),
                rule(parser, POST, "/api/auth/refresh", Access.PUBLIC),
                rule(parser, POST, "/api/auth/wallet/login", Access.PUBLIC),
                rule(parser, READ, "/api/auth/wallet/nonce", Access.PUBLIC),
                rule(parser, POST, "/api/auth/verification/confirm", Access.PUBLIC),
                rule(parser, POST, "/api/auth/password-reset/request", Access.PUBLIC),
                rule(parser, POST, "/api/auth/password-reset/confirm", Access.PUBLIC),
                rule(parser, POST, "/api/auth/service-token", Access.PUBLIC),
                rule(parser, READ, "/.well-known/jwks.json", Access.PUBLIC),

                // providers call these and prove themselves with signatures the service checks
                rule(parser, CALLBACK, "/api/webhooks/**", Access.PUBLIC),
                rule(parser, POST, "/api/transcode/webhook", Access.PUBLIC),
                // a link in an email: its signed token is the proof (RFC 8058 one-click is a POST)
                rule(parser, READ, "/api/notify/unsubscribe", Access.PUBLIC),
                rule(parser, POST, "/api/notify/unsubscribe", Access.PUBLIC),

                // players fetch these by URL with a playback token that playback-service checks (Safari's
                // native HLS and smart TVs cannot add an Authorization header)
                rule(parser, READ, "/api/playback/sessions/*/**", Access.PUBLIC),
                rule(parser, READ, "/api/playback/key/*", Access.PUBLIC),
                rule(parser, POST, "/api/playback/licence/*", Access.PUBLIC),
                // players fire ad beacons and fetch a VMAP's later breaks by URL, without a token: each URL
                // carries an HMAC advertising-service checks; SDKs that post beacons prove them the same way
                rule(parser, READ, "/api/ads/beacons/*", Access.PUBLIC),
                rule(parser, READ, "/api/ads/breaks/*", Access.PUBLIC),
                rule(parser, POST, "/api/ads/impression", Access.PUBLIC),
                rule(parser, POST, "/api/ads/click", Access.PUBLIC),

                // the published catalogue and what can be watched where is for everyone to browse
                rule(parser, READ, "/api/films/**", Access.PUBLIC),
                rule(parser, READ, "/api/genres/**", Access.PUBLIC),
                rule(parser, READ, "/api/availability/**", Access.PUBLIC),
                rule(parser, READ, "/api/plans/**", Access.PUBLIC),
                rule(parser, POST, "/api/availability/bulk", Access.PUBLIC),
                rule(parser, READ, "/v3/api-docs/*", Access.PUBLIC),

                rule(parser, WRITE, "/api/films/**", Access.CREATOR),
                rule(parser, ANY, "/api/transcode/**", Access.CREATOR),
                rule(parser, WRITE, "/api/genres/**", Access.ADMIN),
                rule(parser, WRITE, "/api/windows/**", Access.ADMIN),
                rule(parser, ANY, "/api/ads/campaigns/**", Access.ADMIN),
                rule(parser, ANY, "/api/notify/templates/**", Access.ADMIN));
    }

    private static Rule rule(PathPatternParser parser, Set<HttpMethod> methods, String pattern, Access access) {
        return new Rule(methods, parser.parse(pattern), access);
    }

    public Access required(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Rule rule : rules) {
            if (rule.matches(method, container)) {
                return rule.access();
            }
        }
        return Access.SIGNED_IN;
    }
}

package com.thewans.gateway.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.thewans.common.problem.WansException;
import com.thewans.common.security.AccessTokenVerifier;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.security.InvalidAccessToken;
import com.thewans.common.security.Role;
import com.thewans.common.security.SessionRevocations;
import com.thewans.gateway.FilterOrder;
import com.thewans.gateway.security.EdgeAccessPolicy.Access;

import reactor.core.publisher.Mono;

/**
 * Checks the bearer token of every routed request (signature with identity's keys, expiry, issuer,
 * audience, a session that has not been signed out) and the edge role rules, before the rate
 * limiter and long before the service. It refuses only requests that matched a route, so an unknown
 * path stays a plain 404; API requests have their token verified and their session asked about as
 * they arrive ({@link #verifyToken}), and this filter acts on the outcome. Failures become
 * 401/403/503 problems through the gateway's problem handler; nothing reaches a service unless this
 * filter let it pass.
 */
@Component
public class EdgeAuthenticationFilter implements GlobalFilter, Ordered {

    /** Exchange attribute holding the verified {@link CurrentUser}; the rate limiter keys on it. */
    public static final String USER_ATTRIBUTE = EdgeAuthenticationFilter.class.getName() + ".user";
    /** Exchange attribute holding why the token failed verification; refused once a route matched. */
    private static final String FAILURE_ATTRIBUTE = EdgeAuthenticationFilter.class.getName() + ".failure";
    /** Exchange attribute holding the pending revoked-session lookup that {@link SessionRevocationGate} awaits. */
    static final String SESSION_CHECK_ATTRIBUTE = EdgeAuthenticationFilter.class.getName() + ".sessionCheck";
    private static final String BEARER = "Bearer ";
    private static final Logger log = LoggerFactory.getLogger(EdgeAuthenticationFilter.class);

    private final AccessTokenVerifier verifier;
    private final ReactiveStringRedisTemplate redis;
    private final EdgeAccessPolicy policy = new EdgeAccessPolicy();

    private final boolean verifying;

    /**
     * @param verification {@code off-for-benchmark} lets everything through unchecked, so bench/ can
     *                     measure what verification costs; the gateway then refuses to start unless it
     *                     listens on loopback only (see {@link #checkVerificationSetting})
     */
    public EdgeAuthenticationFilter(AccessTokenVerifier verifier, ReactiveStringRedisTemplate redis,
            @Value("${wans.gateway.token-verification:on}") String verification,
            @Value("${server.address:}") String serverAddress) {
        this.verifier = verifier;
        this.redis = redis;
        this.verifying = checkVerificationSetting(verification, serverAddress);
    }

    static boolean checkVerificationSetting(String verification, String serverAddress) {
        if ("on".equals(verification)) {
            return true;
        }
        if (!"off-for-benchmark".equals(verification)) {
            throw new IllegalStateException("wans.gateway.token-verification must be on or off-for-benchmark, not "
                    + verification);
        }
        boolean loopback;
        try {
            loopback = !serverAddress.isBlank() && InetAddress.getByName(serverAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalStateException("Token verification may be off only for a benchmark on a gateway that "
                    + "listens on loopback (server.address=127.0.0.1); refusing to start an open gateway");
        }
        log.error("TOKEN VERIFICATION IS OFF: every request passes unchecked. Benchmarks only.");
        return false;
    }

    @Override
    public int getOrder() {
        return FilterOrder.EDGE_AUTHENTICATION;
    }

    public static Optional<CurrentUser> user(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(USER_ATTRIBUTE));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!verifying) {
            return chain.filter(exchange);
        }
        var request = exchange.getRequest();
        Access access = policy.required(request.getMethod(), request.getPath().pathWithinApplication().value());
        if (access == Access.INTERNAL) {
            // not advertised: from outside these paths simply do not exist
            return Mono.error(new WansException(HttpStatus.NOT_FOUND, "not-found",
                    "No route for " + request.getMethod() + " " + request.getPath().value()));
        }
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            if (access == Access.PUBLIC) {
                return chain.filter(exchange);
            }
            return Mono.error(new WansException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "This request needs a bearer token; sign in first"));
        }
        if (!bearer(header)) {
            return Mono.error(unauthorized("Only bearer tokens are accepted"));
        }
        if (exchange.getAttribute(USER_ATTRIBUTE) == null && exchange.getAttribute(FAILURE_ATTRIBUTE) == null) {
            verifyToken(exchange); // not asked on arrival (outside the API): verified now, once routed
        }
        InvalidAccessToken failure = exchange.getAttribute(FAILURE_ATTRIBUTE);
        if (failure != null) {
            return Mono.error(unauthorized(failure.getMessage()));
        }
        WansException refusal = refusal(access, exchange.getAttribute(USER_ATTRIBUTE));
        if (refusal != null) {
            return Mono.error(refusal);
        }
        return chain.filter(exchange);
    }

    /**
     * Verifies the request's bearer token, keeps the outcome on the exchange and, for a session's token,
     * asks Redis at once whether it was signed out. API requests do this as they arrive, before their
     * route is looked up (arrival.QuestionsOnArrival), so that Redis answers while the gateway routes;
     * others when {@link #filter} meets them. Refuses nothing: {@link #filter} refuses a failed token
     * once the request has matched a route (an unknown path stays a plain 404).
     */
    public void verifyToken(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (!verifying || header == null || !bearer(header)) {
            return;
        }
        try {
            CurrentUser user = verifier.verify(token(header));
            exchange.getAttributes().put(USER_ATTRIBUTE, user);
            askWhetherSignedOut(exchange, user);
        } catch (InvalidAccessToken e) {
            exchange.getAttributes().put(FAILURE_ATTRIBUTE, e);
        }
    }

    /**
     * The revoked-session lookup starts now and runs while the rest of the request's way is walked;
     * SessionRevocationGate waits for the answer before the request is sent on, so a signed-out session
     * still reaches no service.
     */
    private void askWhetherSignedOut(ServerWebExchange exchange, CurrentUser user) {
        if (user.sessionId() == null) {
            return; // service tokens belong to no session
        }
        Mono<Void> sessionCheck = redis.hasKey(SessionRevocations.KEY_PREFIX + user.sessionId())
                .onErrorMap(e -> new WansException(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                        "Sign-in state cannot be checked right now; try again shortly", e))
                .flatMap(revoked -> Boolean.TRUE.equals(revoked)
                        ? Mono.<Void>error(unauthorized("This session has been signed out"))
                        : Mono.empty())
                .cache();
        sessionCheck.subscribe(null, ignored -> {
            // the gate reports it; a request refused before the gate never looks at the answer
        });
        exchange.getAttributes().put(SESSION_CHECK_ATTRIBUTE, sessionCheck);
    }

    private static boolean bearer(String header) {
        return header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    private static String token(String header) {
        return header.substring(BEARER.length()).trim();
    }

    /**
     * Lets the request go on once its session is known not to be signed out: the last filter before
     * the gateway calls the service (and before the circuit breaker counts the call).
     */
    @Component
    public static class SessionRevocationGate implements GlobalFilter, Ordered {

        @Override
        public int getOrder() {
            return FilterOrder.SESSION_REVOCATION_GATE;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            Mono<Void> sessionCheck = exchange.getAttribute(SESSION_CHECK_ATTRIBUTE);
            return sessionCheck == null ? chain.filter(exchange) : sessionCheck.then(chain.filter(exchange));
        }
    }

    private static WansException refusal(Access access, CurrentUser user) {
        boolean allowed = switch (access) {
            case PUBLIC, SIGNED_IN -> true;
            case CREATOR -> user.has(Role.CREATOR) || user.has(Role.ADMIN);
            case ADMIN -> user.has(Role.ADMIN);
            case INTERNAL -> false;
        };
        if (allowed) {
            return null;
        }
        String needed = access == Access.ADMIN ? "an administrator" : "a creator or an administrator";
        return new WansException(HttpStatus.FORBIDDEN, "forbidden", "Only " + needed + " may do this");
    }

    private static WansException unauthorized(String detail) {
        return new WansException(HttpStatus.UNAUTHORIZED, "invalid-token", detail);
    }
}

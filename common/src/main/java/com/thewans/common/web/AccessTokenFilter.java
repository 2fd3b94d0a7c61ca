package com.thewans.common.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.thewans.common.problem.Problems;
import com.thewans.common.security.SessionRevocations;
import com.thewans.common.security.AccessTokenVerifier;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.security.InvalidAccessToken;

/**
 * Verifies the bearer token of every request with the shared verifier (defence in depth: the
 * gateway has checked it already). No token means anonymous, and the authorization rules decide;
 * a bad token is refused at once, because a client that sends one expects to be someone.
 */
public class AccessTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AccessTokenVerifier verifier;
    private final ProblemWriter problems;
    private final SessionRevocations revocations;

    public AccessTokenFilter(AccessTokenVerifier verifier, ProblemWriter problems, SessionRevocations revocations) {
        this.verifier = verifier;
        this.problems = problems;
        this.revocations = revocations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            reject(request, response, "Only bearer tokens are accepted");
            return;
        }
        CurrentUser user;
        try {
            user = verifier.verify(header.substring(BEARER.length()).trim());
        } catch (InvalidAccessToken e) {
            reject(request, response, e.getMessage());
            return;
        }
        boolean revoked;
        try {
            revoked = revocations != null && revocations.isRevoked(user.sessionId());
        } catch (RuntimeException e) {
            // without Redis we cannot tell a signed-out session from a live one: refuse, do not guess
            problems.write(request, response, Problems.of(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "dependency-unavailable", "Service Unavailable",
                    "Sign-in state cannot be checked right now; try again shortly"));
            return;
        }
        if (revoked) {
            reject(request, response, "This session has been signed out");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new WansAuthentication(user));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        ProblemDetail problem = Problems.of(org.springframework.http.HttpStatus.UNAUTHORIZED, "invalid-token",
                "Unauthorized", detail);
        problems.write(request, response, problem);
    }
}

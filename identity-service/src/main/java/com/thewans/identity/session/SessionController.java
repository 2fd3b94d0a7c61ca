package com.thewans.identity.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.problem.WansException;
import com.thewans.common.security.CurrentUser;
import com.thewans.identity.web.ClientOrigin;

@RestController
class SessionController {

    record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    record VerifiedToken(UUID userId, List<String> roles, UUID sessionId, String tokenId, Instant expiresAt) {
    }

    record Ended(int ended) {
    }

    private final SessionService sessions;
    private final Clock clock;

    SessionController(SessionService sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @PostMapping("/api/auth/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return TokenResponse.answer(sessions.refresh(request.refreshToken(), ClientOrigin.of(http)), clock);
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@AuthenticationPrincipal CurrentUser user) {
        sessions.end(user.userId(), sessionOf(user), EndReason.LOGOUT);
    }

    @GetMapping("/api/auth/verify")
    VerifiedToken verify(@AuthenticationPrincipal CurrentUser user) {
        return new VerifiedToken(user.userId(), user.roles().stream().map(Enum::name).sorted().toList(),
                user.sessionId(), user.tokenId(), user.expiresAt());
    }

    @GetMapping("/api/auth/sessions")
    List<SessionView> list(@AuthenticationPrincipal CurrentUser user) {
        return sessions.liveSessionsOf(user.userId(), user.sessionId());
    }

    @DeleteMapping("/api/auth/sessions/{sessionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void end(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID sessionId) {
        sessions.end(user.userId(), sessionId, EndReason.ENDED_BY_USER);
    }

    @PostMapping("/api/auth/sessions/revoke-others")
    Ended endOthers(@AuthenticationPrincipal CurrentUser user) {
        return new Ended(sessions.endAllOf(user.userId(), EndReason.SIGNED_OUT_ELSEWHERE, sessionOf(user)));
    }

    static UUID sessionOf(CurrentUser user) {
        if (user.sessionId() == null) {
            throw new WansException(HttpStatus.FORBIDDEN, "session-required",
                    "This needs a person's signed-in session; service tokens have none");
        }
        return user.sessionId();
    }
}

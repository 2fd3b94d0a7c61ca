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

import com.thewans.common.security.CurrentUser;
import com.thewans.identity.web.ClientOrigin;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Sessions", description = "Refresh tokens, sign out, see and end your sessions")
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
    @Operation(summary = "Trade a refresh token for new tokens (the refresh token rotates on every use)")
    @ApiResponse(responseCode = "401", description = "Unknown or expired refresh token (`invalid-refresh-token`), an "
            + "ended session (`session-ended`), or a reused one, which ends the whole session "
            + "(`refresh-token-reused`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "403", description = "The account is disabled (`account-disabled`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<TokenResponse> refresh(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = """
                    {"refreshToken": "rt_5Zq9mX2vR8kLw3Tn7bYc1dFh4jPs6uGe"}""")))
            @Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return TokenResponse.answer(sessions.refresh(request.refreshToken(), ClientOrigin.of(http)), clock);
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out: end this session")
    @ApiResponse(responseCode = "403", description = "A service token has no session to end (`session-required`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "The session has ended already (`session-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    void logout(@AuthenticationPrincipal CurrentUser user) {
        sessions.end(user.userId(), sessionOf(user), EndReason.LOGOUT);
    }

    @GetMapping("/api/auth/verify")
    @Operation(summary = "Who the access token says the caller is: user, roles, session, expiry")
    VerifiedToken verify(@AuthenticationPrincipal CurrentUser user) {
        return new VerifiedToken(user.userId(), user.roles().stream().map(Enum::name).sorted().toList(),
                user.sessionId(), user.tokenId(), user.expiresAt());
    }

    @GetMapping("/api/auth/sessions")
    @Operation(summary = "The caller's live sessions, the current one marked")
    List<SessionView> list(@AuthenticationPrincipal CurrentUser user) {
        return sessions.liveSessionsOf(user.userId(), user.sessionId());
    }

    @DeleteMapping("/api/auth/sessions/{sessionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End one of the caller's sessions")
    @ApiResponse(responseCode = "404", description = "The caller has no active session with that id "
            + "(`session-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    void end(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID sessionId) {
        sessions.end(user.userId(), sessionId, EndReason.ENDED_BY_USER);
    }

    @PostMapping("/api/auth/sessions/revoke-others")
    @Operation(summary = "Sign out everywhere else: end every session but this one")
    @ApiResponse(responseCode = "403", description = "A service token has no session (`session-required`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    Ended endOthers(@AuthenticationPrincipal CurrentUser user) {
        return new Ended(sessions.endAllOf(user.userId(), EndReason.SIGNED_OUT_ELSEWHERE, sessionOf(user)));
    }

    static UUID sessionOf(CurrentUser user) {
        if (user.sessionId() == null) {
            throw new SessionRequired();
        }
        return user.sessionId();
    }
}

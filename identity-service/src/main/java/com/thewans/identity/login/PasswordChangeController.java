package com.thewans.identity.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.identity.web.ClientOrigin;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The signed-in person changes their password. It lives with sign-in, not with accounts, because
 * it is a password check (throttled like a sign-in) that ends sessions.
 */
@RestController
@Tag(name = "Accounts", description = "Register with an email, a phone number or both; read your account; change "
        + "your password")
class PasswordChangeController {

    record PasswordChange(@NotEmpty @Size(max = 512) String currentPassword,
            @NotBlank @Size(max = 512) String newPassword) {
    }

    private final PasswordChanges passwords;

    PasswordChangeController(PasswordChanges passwords) {
        this.passwords = passwords;
    }

    /** Changing the password signs out every other session; this one stays. */
    @PostMapping("/api/auth/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the password; every other session is signed out, this one stays")
    @ApiResponse(responseCode = "400", description = "The new password is too weak (`weak-password`) or fields are "
            + "invalid (`validation-failed`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "403", description = "The current password is not right (`wrong-password`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "The token names no account (`account-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins for this account or address "
            + "(`too-many-sign-in-attempts`); `Retry-After` says when to try again",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "503", description = "Every password check is taken right now (`sign-in-busy`), or "
            + "Redis is away (`dependency-unavailable`); retry shortly",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    void changePassword(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody PasswordChange change,
            HttpServletRequest http) {
        passwords.change(user.userId(), user.sessionId(), change.currentPassword(), change.newPassword(),
                ClientOrigin.of(http).ipAddress());
    }
}

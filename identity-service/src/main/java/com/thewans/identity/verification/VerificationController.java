package com.thewans.identity.verification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.identity.account.Contact;
import com.thewans.identity.account.ContactChannel;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Verification", description = "Prove an email or phone number with a one-time code; reset a forgotten "
        + "password the same way")
class VerificationController {

    record VerificationRequest(@NotNull ContactChannel channel) {
    }

    /** destination: the email or phone the code was sent to. */
    record CodeConfirmation(@NotBlank @Size(max = 254) String destination, @NotBlank @Size(max = 100) String code) {
    }

    record ResetRequest(@Size(max = 254) String email, @Size(max = 32) String phone) {
    }

    record ResetConfirmation(@NotBlank @Size(max = 254) String destination, @NotBlank @Size(max = 100) String code,
            @NotBlank @Size(max = 512) String newPassword) {
    }

    private final VerificationService verification;
    private final PasswordResetService passwordReset;

    VerificationController(VerificationService verification, PasswordResetService passwordReset) {
        this.verification = verification;
        this.passwordReset = passwordReset;
    }

    @PostMapping("/api/auth/verification/request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a code to the account's email or phone")
    @ApiResponse(responseCode = "404", description = "The token names no account (`account-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The account has no contact of that channel "
            + "(`no-such-contact`), or it is verified already (`already-verified`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "429", description = "Too many codes requested (`too-many-code-requests`); "
            + "`Retry-After` says when to ask again",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    VerificationService.Requested requestVerification(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody VerificationRequest request) {
        return verification.request(user.userId(), request.channel());
    }

    @PostMapping("/api/auth/verification/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Confirm a contact with the code sent to it")
    @ApiResponse(responseCode = "400", description = "Wrong, expired or used code (`invalid-code`), or invalid "
            + "fields (`validation-failed`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    void confirmVerification(@Valid @RequestBody CodeConfirmation confirmation) {
        verification.confirm(confirmation.destination(), confirmation.code());
    }

    /** Always 202: the answer must not tell whether an account exists. */
    @PostMapping("/api/auth/password-reset/request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a password-reset code; always 202, so the answer never tells whether an account "
            + "exists")
    void requestReset(@Valid @RequestBody ResetRequest request) {
        passwordReset.request(Contact.of(request.email(), request.phone()));
    }

    @PostMapping("/api/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with a reset code; every session is signed out")
    @ApiResponse(responseCode = "400", description = "Wrong, expired or used code (`invalid-code`), a password that "
            + "is too weak (`weak-password`), or invalid fields (`validation-failed`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    void confirmReset(@Valid @RequestBody ResetConfirmation confirmation) {
        passwordReset.confirm(confirmation.destination(), confirmation.code(), confirmation.newPassword());
    }
}

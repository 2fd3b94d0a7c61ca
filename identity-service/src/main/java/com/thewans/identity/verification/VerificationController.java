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

@RestController
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
    VerificationService.Requested requestVerification(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody VerificationRequest request) {
        return verification.request(user.userId(), request.channel());
    }

    @PostMapping("/api/auth/verification/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmVerification(@Valid @RequestBody CodeConfirmation confirmation) {
        verification.confirm(confirmation.destination(), confirmation.code());
    }

    /** Always 202: the answer must not tell whether an account exists. */
    @PostMapping("/api/auth/password-reset/request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@Valid @RequestBody ResetRequest request) {
        passwordReset.request(Contact.of(request.email(), request.phone()));
    }

    @PostMapping("/api/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmReset(@Valid @RequestBody ResetConfirmation confirmation) {
        passwordReset.confirm(confirmation.destination(), confirmation.code(), confirmation.newPassword());
    }
}

package com.thewans.identity.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Accounts", description = "Register with an email, a phone number or both; read your account; change "
        + "your password")
class AccountController {

    /** An email, a phone number (E.164), or both; the password must meet {@link PasswordPolicy}. */
    record Registration(@Size(max = 254) String email, @Size(max = 32) String phone,
            @NotEmpty @Size(max = 512) String password, @Size(max = 80) String displayName) {
    }

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an account (VIEWER) with an email, a phone number or both, and a password")
    @ApiResponse(responseCode = "400", description = "Invalid fields (`validation-failed`) or a password that is too "
            + "weak (`weak-password`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "An account already has that email or phone number "
            + "(`account-exists`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    AccountView register(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = """
                    {"email": "kila@example.pg", "phone": "+67570012345", "password": "Kina-and-toea-42",
                     "displayName": "Kila"}""")))
            @Valid @RequestBody Registration registration) {
        return AccountView.of(accounts.register(registration));
    }

    @GetMapping("/api/auth/account")
    @Operation(summary = "The signed-in person's account: contacts, whether verified, roles")
    @ApiResponse(responseCode = "404", description = "The token names no account (`account-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    AccountView account(@AuthenticationPrincipal CurrentUser user) {
        return AccountView.of(accounts.get(user.userId()));
    }
}

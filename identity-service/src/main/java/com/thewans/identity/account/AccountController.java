package com.thewans.identity.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import com.thewans.identity.web.ClientOrigin;

@RestController
class AccountController {

    /** An email, a phone number (E.164), or both; the password must meet {@link PasswordPolicy}. */
    record Registration(@Size(max = 254) String email, @Size(max = 32) String phone,
            @NotEmpty @Size(max = 512) String password, @Size(max = 80) String displayName) {
    }

    record PasswordChange(@NotEmpty @Size(max = 512) String currentPassword,
            @NotBlank @Size(max = 512) String newPassword) {
    }

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView register(@Valid @RequestBody Registration registration) {
        return AccountView.of(accounts.register(registration));
    }

    @GetMapping("/api/auth/account")
    AccountView account(@AuthenticationPrincipal CurrentUser user) {
        return AccountView.of(accounts.get(user.userId()));
    }

    /** Changing the password signs out every other session; this one stays. */
    @PostMapping("/api/auth/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody PasswordChange change,
            HttpServletRequest http) {
        accounts.changePassword(user.userId(), user.sessionId(), change.currentPassword(), change.newPassword(),
                ClientOrigin.of(http).ipAddress());
    }
}

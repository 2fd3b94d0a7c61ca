package com.thewans.identity.admin;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.problem.WansException;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.security.Role;
import com.thewans.identity.web.PageOf;

@RestController
@RequestMapping("/api/auth/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class AdminUserController {

    record RoleChange(@NotNull @Size(max = 4) Set<@NotNull Role> roles) {
    }

    record Disabling(@NotBlank @Size(max = 500) String reason) {
    }

    private final AccountDirectory directory;
    private final AccountAdministration administration;

    AdminUserController(AccountDirectory directory, AccountAdministration administration) {
        this.directory = directory;
        this.administration = administration;
    }

    /** q: part of an email, a phone number or a display name. */
    @GetMapping
    PageOf<AdminUserView> search(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageOf.of(directory.search(q, PageRequest.of(page, size)), view -> view);
    }

    @GetMapping("/{userId}")
    AdminUserView find(@PathVariable UUID userId) {
        return directory.find(userId).orElseThrow(() -> new WansException(HttpStatus.NOT_FOUND, "account-not-found",
                "There is no account " + userId).with("userId", userId));
    }

    @PutMapping("/{userId}/roles")
    AdminUserView changeRoles(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID userId,
            @Valid @RequestBody RoleChange change) {
        administration.changeRoles(admin.userId(), userId, change.roles());
        return find(userId);
    }

    @PostMapping("/{userId}/disable")
    AdminUserView disable(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID userId,
            @Valid @RequestBody Disabling disabling) {
        administration.disable(admin.userId(), userId, disabling.reason().strip());
        return find(userId);
    }

    @PostMapping("/{userId}/enable")
    AdminUserView enable(@PathVariable UUID userId) {
        administration.enable(userId);
        return find(userId);
    }
}

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

import com.thewans.common.security.CurrentUser;
import com.thewans.common.security.Role;
import com.thewans.common.web.PageOf;
import com.thewans.identity.account.AccountNotFound;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/auth/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "User administration", description = "Admins find accounts, change roles, disable and enable them "
        + "(audited)")
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
    @Operation(summary = "Find accounts by part of an email, phone number or display name")
    PageOf<AdminUserView> search(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageOf.of(directory.search(q, PageRequest.of(page, size)), view -> view);
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One account as admins see it")
    @ApiResponse(responseCode = "404", description = "No account with that id (`account-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    AdminUserView find(@PathVariable UUID userId) {
        return directory.find(userId).orElseThrow(() -> new AccountNotFound(userId));
    }

    @PutMapping("/{userId}/roles")
    @Operation(summary = "Set an account's roles; its sessions carry the new roles at their next refresh")
    @ApiResponse(responseCode = "404", description = "No account with that id (`account-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "Admins cannot take ADMIN from themselves "
            + "(`cannot-demote-yourself`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    AdminUserView changeRoles(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID userId,
            @Valid @RequestBody RoleChange change) {
        administration.changeRoles(admin.userId(), userId, change.roles());
        return find(userId);
    }

    @PostMapping("/{userId}/disable")
    @Operation(summary = "Disable an account: every session ends and sign-in is refused")
    @ApiResponse(responseCode = "404", description = "No account with that id (`account-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "Disabled already (`account-already-disabled`), or the admin's "
            + "own account (`cannot-disable-yourself`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    AdminUserView disable(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID userId,
            @Valid @RequestBody Disabling disabling) {
        administration.disable(admin.userId(), userId, disabling.reason().strip());
        return find(userId);
    }

    @PostMapping("/{userId}/enable")
    @Operation(summary = "Enable a disabled account again")
    @ApiResponse(responseCode = "404", description = "No account with that id (`account-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The account is not disabled (`account-not-disabled`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    AdminUserView enable(@PathVariable UUID userId) {
        administration.enable(userId);
        return find(userId);
    }
}

package com.thewans.rights.entitlement;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.problem.WansException;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.security.Role;
import com.thewans.rights.web.InvalidField;
import com.thewans.rights.web.PageOf;

@RestController
@RequestMapping("/api/entitlements")
class EntitlementController {

    private final EntitlementService entitlements;

    EntitlementController(EntitlementService entitlements) {
        this.entitlements = entitlements;
    }

    /** The caller's own access, or (SERVICE and ADMIN callers) another user's with userId=. */
    @GetMapping("/check")
    AccessCheck check(@RequestParam(required = false) UUID filmId, @RequestParam(required = false) String territory,
            @RequestParam(required = false) UUID userId, @AuthenticationPrincipal CurrentUser caller) {
        if (filmId == null) {
            throw new InvalidField("filmId", "is required");
        }
        UUID subject = caller.userId();
        if (userId != null && !userId.equals(caller.userId())) {
            if (!caller.has(Role.SERVICE) && !caller.isAdmin()) {
                throw new WansException(HttpStatus.FORBIDDEN, "forbidden",
                        "Only services and admins may check another user's access");
            }
            subject = userId;
        }
        return entitlements.check(subject, filmId, territory);
    }

    @GetMapping("/mine")
    PageOf<EntitlementView> mine(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CurrentUser caller) {
        return entitlements.of(caller.userId(), page, size);
    }

    /** Playback marks the first play of a rental. */
    @PostMapping("/internal/{id}/started")
    @PreAuthorize("hasRole('SERVICE')")
    EntitlementView started(@PathVariable UUID id) {
        return entitlements.started(id);
    }

    @PostMapping("/admin/grants")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    List<EntitlementView> grant(@Valid @RequestBody AdminGrantRequest request,
            @AuthenticationPrincipal CurrentUser admin) {
        return entitlements.grantByAdmin(request, admin.userId());
    }

    @PostMapping("/admin/{id}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    EntitlementView revoke(@PathVariable UUID id, @Valid @RequestBody RevokeRequest request) {
        return entitlements.revokeByAdmin(id, request.reason());
    }

    @GetMapping("/admin/users/{userId}")
    @PreAuthorize("hasRole('ADMIN')")
    PageOf<EntitlementView> ofUser(@PathVariable UUID userId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return entitlements.of(userId, page, size);
    }
}

package com.thewans.notification.notification;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Inbox", description = "A user's in-app notifications: newest first, unread count, mark read")
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/notify/user/{userId}")
    @Operation(summary = "A page of a user's inbox, newest first, with the unread count (own inbox; admins any)")
    @ApiResponse(responseCode = "403", description = "Someone else's inbox (`inbox-of-another-user`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    InboxPage page(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID userId,
            @RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return inbox.page(caller, userId, unread, page, size);
    }

    @GetMapping("/api/notify/user/{userId}/unread-count")
    @Operation(summary = "How many of a user's inbox messages are unread (for the bell's badge)")
    @ApiResponse(responseCode = "403", description = "Someone else's inbox (`inbox-of-another-user`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    Map<String, Long> unreadCount(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID userId) {
        return Map.of("unreadCount", inbox.unreadCount(caller, userId));
    }

    @PatchMapping("/api/notify/{id}/read")
    @Operation(summary = "Mark one inbox message read")
    @ApiResponse(responseCode = "404", description = "Not in the caller's inbox (`notification-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    InboxItem markRead(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        return inbox.markRead(caller, id);
    }

    @PostMapping("/api/notify/user/{userId}/read-all")
    @Operation(summary = "Mark every message of a user's inbox read")
    @ApiResponse(responseCode = "403", description = "Someone else's inbox (`inbox-of-another-user`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    Map<String, Integer> markAllRead(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID userId) {
        return Map.of("marked", inbox.markAllRead(caller, userId));
    }
}

package com.thewans.notification.send;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.IdempotentRequests;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Sending", description = "Admins and services send a notification to a user; admins announce to a segment")
class SendController {

    private final Sending sending;
    private final IdempotentRequests idempotent;

    SendController(Sending sending, IdempotentRequests idempotent) {
        this.sending = sending;
        this.idempotent = idempotent;
    }

    @PostMapping("/api/notify/send")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    @Operation(summary = "Send a notification to one user, or (admins) to everyone, a territory or a language; "
            + "with an Idempotency-Key a repeated request sends nothing twice")
    @ApiResponse(responseCode = "202", description = "Accepted: one user is told at once; a segment is told in the "
            + "background (follow `sendId`); email and SMS go out as their deliveries are sent")
    @ApiResponse(responseCode = "400", description = "A variable the templates need is missing "
            + "(`template-variable-missing`), the message is empty or too long (`validation-failed`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "403", description = "A service sending to a segment (`segment-needs-admin`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "422", description = "No template for a channel (`template-not-found`), nobody in "
            + "the segment (`segment-empty`), a code type (`not-sent-on-request`), or the key used for another "
            + "request (`idempotency-key-reused`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<?> send(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody SendRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        if (key == null) {
            return ResponseEntity.accepted().body(sending.send(caller, request, "send:" + UUID.randomUUID()));
        }
        String cause = "send:" + IdempotentRequests.resourceId("notify-send", caller.userId(), key);
        return idempotent.once(caller.userId(), key, request,
                () -> ResponseEntity.accepted().body(sending.send(caller, request, cause)));
    }

    @GetMapping("/api/notify/sends/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "How far an announcement to a segment has got: RUNNING or DONE, and how many were told")
    @ApiResponse(responseCode = "404", description = "No such send (`send-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    SendView progress(@PathVariable UUID id) {
        return sending.find(id);
    }
}

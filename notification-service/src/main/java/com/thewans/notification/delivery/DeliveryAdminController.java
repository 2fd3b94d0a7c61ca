package com.thewans.notification.delivery;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.web.PageOf;
import com.thewans.common.web.ProblemAnswers;
import com.thewans.notification.kind.Channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/notify/admin/deliveries")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Deliveries", description = "Admins see how every email, text and inbox message went, and send "
        + "failed ones again")
class DeliveryAdminController {

    private final Deliveries deliveries;
    private final DeliveryWorker worker;
    private final Clock clock;

    DeliveryAdminController(Deliveries deliveries, DeliveryWorker worker, Clock clock) {
        this.deliveries = deliveries;
        this.worker = worker;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Deliveries, newest first, by state (FAILED: what needs an admin) and channel")
    PageOf<DeliveryView> list(@RequestParam(required = false) DeliveryState state,
            @RequestParam(required = false) Channel channel, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var request = PageOf.request(page, size, 200, Sort.unsorted());
        return PageOf.of(deliveries.page(state, channel, size, request.getOffset()), page, size,
                deliveries.count(state, channel));
    }

    @GetMapping("/{id}/attempts")
    @Operation(summary = "Every attempt of one delivery, with what the server answered")
    List<AttemptView> attempts(@PathVariable UUID id) {
        return deliveries.attempts(id);
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a failed delivery again (after the address or the provider was fixed)")
    @ApiResponse(responseCode = "404", description = "No failed delivery with that id (`delivery-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    void retry(@PathVariable UUID id) {
        if (!deliveries.requeue(id, clock.instant())) {
            throw new DeliveryNotFound(id);
        }
        worker.wake();
    }
}

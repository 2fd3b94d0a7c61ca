package com.thewans.royalty.payout;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/royalty")
@Tag(name = "Payouts", description = "Paying parties their issued statements' balances over a threshold per "
        + "currency, by bank transfer batch files; states SCHEDULED, SENT, PAID, FAILED, RETRIED (admins, audited).")
class PayoutController {

    record FailureRequest(@NotBlank @Size(max = 200) String reason) {
    }

    private final Payouts payouts;

    PayoutController(Payouts payouts) {
        this.payouts = payouts;
    }

    @PutMapping("/parties/{partyId}/payee")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set where a party is paid (audited)")
    ResponseEntity<Void> payee(@PathVariable UUID partyId, @Valid @RequestBody PayeeRequest request) {
        payouts.setPayee(partyId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/payouts/run")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Schedule payouts for balances over the threshold and send every scheduled one now "
            + "(the monthly job does the same)")
    List<PayoutView> run() {
        payouts.schedule();
        return payouts.send();
    }

    @GetMapping("/payouts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Payouts, newest first, optionally of one status")
    List<PayoutView> list(@RequestParam(required = false) PayoutStatus status) {
        return payouts.list(status);
    }

    @PostMapping("/payouts/{id}/paid")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Record the bank's confirmation of a sent payout")
    @ApiResponse(responseCode = "409", description = "Not SENT (`payout-state-conflict`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    PayoutView paid(@PathVariable UUID id) {
        return payouts.markPaid(id);
    }

    @PostMapping("/payouts/{id}/failed")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Record the bank's return of a sent payout, with its reason")
    @ApiResponse(responseCode = "409", description = "Not SENT (`payout-state-conflict`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    PayoutView failed(@PathVariable UUID id, @Valid @RequestBody FailureRequest request) {
        return payouts.markFailed(id, request.reason().strip());
    }

    @PostMapping("/payouts/{id}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Send a failed payout again with the next batch")
    @ApiResponse(responseCode = "409", description = "Not FAILED (`payout-state-conflict`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    PayoutView retry(@PathVariable UUID id) {
        return payouts.retry(id);
    }
}

package com.thewans.payment.purchase;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.PageOf;
import com.thewans.common.web.ProblemAnswers;
import com.thewans.common.web.IdempotentRequests;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/transactions")
@Validated
@Tag(name = "Transactions", description = "Buying a film the way its offers allow (rental, purchase, PPV ticket,"
        + " collector's edition): priced by rights-service in the viewer's territory, paid by card through Stripe"
        + " or by mobile money (the payer approves a request to pay on their phone)."
        + " Every POST takes an Idempotency-Key; retries with it never pay twice.")
class TransactionController {

    private final Purchases purchases;
    private final Refunds refunds;
    private final Territories territories;
    private final IdempotentRequests idempotency;

    TransactionController(Purchases purchases, Refunds refunds, Territories territories,
            IdempotentRequests idempotency) {
        this.purchases = purchases;
        this.refunds = refunds;
        this.territories = territories;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Buy a film: a PENDING payment confirmed at once with card.paymentMethod, by the web app"
            + " with the answer's clientSecret, or by the payer on their phone with mobileMoney; poll it (or wait for"
            + " the receipt) until SUCCEEDED")
    @ApiResponse(responseCode = "201", description = "the payment (its status may already be SUCCEEDED or FAILED);"
            + " a retry with the same key answers the same, with `Idempotent-Replayed: true`",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TransactionView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields (`validation-failed`, `errors`), such as a phone"
            + " number not in E.164 form (`mobileMoney.phone`) or both card and mobileMoney",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "Already paying for this (`purchase-in-progress`,"
            + " `transactionId`), already owned (`already-owned`), or the first request with this key is still"
            + " running (`idempotency-key-in-use`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "422", description = "Not on sale that way here (`offer-not-available`, `offers`), not"
            + " in that currency (`currency-not-offered`), the key used for another request"
            + " (`idempotency-key-reused`), no known country (`territory-unknown`), or a mobile-money wallet the"
            + " service does not take (`wallet-unknown`, `wallets`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "503", description = "The card provider or the wallet is down or slow"
            + " (`dependency-unavailable`, `Retry-After`): nothing was charged; the same request with the same"
            + " Idempotency-Key resumes the same payment",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<String> buy(@AuthenticationPrincipal CurrentUser viewer,
            @Parameter(description = "A unique value (a UUID) per purchase, sent again unchanged on retries")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "card", value = """
                            {"filmId": "6f1c2a4e-8d3b-4b8a-9d57-1f0e2c3b4a59", "kind": "RENTAL", "currency": "PGK",
                             "card": {"paymentMethod": "pm_card_visa"}}"""),
                    @ExampleObject(name = "mobile money", value = """
                            {"filmId": "6f1c2a4e-8d3b-4b8a-9d57-1f0e2c3b4a59", "kind": "RENTAL", "currency": "PGK",
                             "mobileMoney": {"wallet": "cellmoni", "phone": "+67570000001"}}""")}))
            @Valid @RequestBody PurchaseRequest request, HttpServletRequest http) {
        return idempotency.once(viewer.userId(), idempotencyKey, request, () -> {
            UUID id = IdempotentRequests.resourceId("transaction", viewer.userId(), idempotencyKey);
            TransactionView bought = purchases.buy(viewer, id, request, territories.of(http));
            return ResponseEntity.created(URI.create("/api/transactions/" + bought.id())).body(bought);
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "One payment (its payer or an admin)")
    @ApiResponse(responseCode = "404", description = "No such payment, or someone else's (`transaction-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    TransactionView one(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return purchases.view(purchases.readable(user, id));
    }

    @GetMapping("/mine")
    @Operation(summary = "The caller's payments, newest first")
    PageOf<TransactionView> mine(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageOf.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageOf.of(purchases.views(purchases.ofUser(user.userId(), page, size)), page,
                size, purchases.countOfUser(user.userId()));
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Every payment, newest first, optionally of one status (admins)")
    PageOf<TransactionView> all(@RequestParam(required = false) Transaction.Status status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageOf.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageOf.of(purchases.views(purchases.all(status, page, size)), page, size,
                purchases.count(status));
    }

    @PostMapping("/{id}/refunds")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Refund a payment in full or in part (admins, audited); the payment shows it once the"
            + " provider confirms, and a full refund revokes what it bought")
    @ApiResponse(responseCode = "202", description = "the provider accepted the refund",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Refunds.RefundAccepted.class)))
    @ApiResponse(responseCode = "409", description = "Nothing to refund (`transaction-not-refundable`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "422", description = "More than is left (`refund-too-large`, `refundable`; a wallet's"
            + " refunds still on their way count)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<String> refund(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
                    {"amount": 490, "reason": "Playback failed for the last 20 minutes"}""")))
            @Valid @RequestBody RefundRequest request) {
        return idempotency.once(admin.userId(), idempotencyKey, new Object[] {id, request}, () -> ResponseEntity
                .status(HttpStatus.ACCEPTED).body(refunds.refund(admin, id, request,
                        IdempotentRequests.resourceId("refund", admin.userId(), idempotencyKey))));
    }
}

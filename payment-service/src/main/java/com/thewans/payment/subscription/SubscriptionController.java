package com.thewans.payment.subscription;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.ProblemAnswers;
import com.thewans.common.web.IdempotentRequests;
import com.thewans.payment.purchase.Territories;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/subscriptions")
@Tag(name = "Subscriptions", description = "A viewer on a plan, paid each period by card (Stripe Billing renews and"
        + " retries) or by mobile money (the platform sends a request to pay before each period ends, and retries);"
        + " a trial first where the plan has one; each paid period extends the viewer's SVOD access. One live"
        + " subscription per viewer.")
class SubscriptionController {

    private final Subscriptions subscriptions;
    private final PlanChanges planChanges;
    private final Territories territories;
    private final IdempotentRequests idempotency;

    SubscriptionController(Subscriptions subscriptions, PlanChanges planChanges, Territories territories,
            IdempotentRequests idempotency) {
        this.subscriptions = subscriptions;
        this.planChanges = planChanges;
        this.territories = territories;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Subscribe to a plan by card or mobile money (Idempotency-Key required): TRIALING or ACTIVE,"
            + " or INCOMPLETE while a mobile-money payer approves the first period")
    @ApiResponse(responseCode = "201", description = "the subscription",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubscriptionView.class)))
    @ApiResponse(responseCode = "402", description = "The card was declined (`card-declined`, `declineCode`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "A live subscription exists (`already-subscribed`) or the plan is"
            + " retired (`plan-retired`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<String> subscribe(@AuthenticationPrincipal CurrentUser viewer,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "card", value = """
                            {"plan": "standard", "currency": "PGK", "card": {"paymentMethod": "pm_card_visa"}}"""),
                    @ExampleObject(name = "mobile money", value = """
                            {"plan": "standard", "currency": "PGK",
                             "mobileMoney": {"wallet": "cellmoni", "phone": "+67570000001"}}""")}))
            @Valid @RequestBody SubscribeRequest request, HttpServletRequest http) {
        return idempotency.once(viewer.userId(), idempotencyKey, request, () -> {
            UUID id = IdempotentRequests.resourceId("subscription", viewer.userId(), idempotencyKey);
            SubscriptionView made = subscriptions.subscribe(viewer, id, request, territories.of(http));
            return ResponseEntity.created(URI.create("/api/subscriptions/" + made.id())).body(made);
        });
    }

    @GetMapping("/mine")
    @Operation(summary = "The caller's subscriptions, newest first")
    List<SubscriptionView> mine(@AuthenticationPrincipal CurrentUser user) {
        return subscriptions.ofUser(user, user.userId());
    }

    @GetMapping("/user/{userId}")
    @Operation(summary = "A viewer's subscriptions (the viewer themself or an admin)")
    List<SubscriptionView> ofUser(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID userId) {
        return subscriptions.ofUser(user, userId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription (its viewer or an admin)")
    @ApiResponse(responseCode = "404", description = "No such subscription, or someone else's (`subscription-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    SubscriptionView one(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return SubscriptionView.of(subscriptions.readable(user, id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel at the end of the period paid for: access lasts until then, nothing more is charged")
    @ApiResponse(responseCode = "409", description = "It has ended already (`subscription-ended`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    SubscriptionView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return subscriptions.cancelAtPeriodEnd(user, id, true);
    }

    @PostMapping("/{id}/plan")
    @Operation(summary = "Move to another plan (Idempotency-Key required): a dearer one now, the difference prorated"
            + " and charged now; a cheaper one from the next renewal; any one at once during a trial")
    @ApiResponse(responseCode = "402", description = "The card was declined for the difference (`card-declined`):"
            + " nothing changed", content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE,
                    schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "Not now (`plan-change-not-offered`: past due, ended, or another"
            + " move waiting) or the plan is retired (`plan-retired`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<String> changePlan(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
                    {"plan": "premium-yearly"}"""))) @Valid @RequestBody ChangePlanRequest request) {
        // the key's fingerprint names the subscription too: one key is one change of one subscription
        return idempotency.once(user.userId(), idempotencyKey, java.util.Map.of("subscriptionId", id, "plan",
                request.plan()), () -> ResponseEntity.ok(planChanges.change(user, id, request.plan(), idempotencyKey)));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Take back a cancellation before the period ends: renewals go on")
    @ApiResponse(responseCode = "409", description = "It has ended already (`subscription-ended`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    SubscriptionView resume(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return subscriptions.cancelAtPeriodEnd(user, id, false);
    }
}

package com.thewans.payment.purchase;

import com.thewans.common.problem.InvalidField;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * "What would this coupon take off this film, or this plan's first paid period?" before buying or
 * subscribing: a film with the kind of purchase, or a plan.
 */
record CouponCheckRequest(@NotBlank @Size(max = 40) String code, UUID filmId, PurchaseRequest.Kind kind,
        @Size(max = 40) String plan,
        @NotNull @Pattern(regexp = "^(PGK|USD)$", message = "must be PGK or USD") String currency) {

    /** For a plan (else for a film); one of the two, whole. */
    boolean forPlan() {
        if (plan != null && (filmId != null || kind != null)) {
            throw new InvalidField("plan", "give a plan, or a filmId with its kind, not both");
        }
        if (plan == null && (filmId == null || kind == null)) {
            throw new InvalidField(filmId == null ? "filmId" : "kind", "give a filmId with its kind, or a plan");
        }
        return plan != null;
    }
}

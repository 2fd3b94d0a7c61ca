package com.thewans.payment.purchase;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** "What would this coupon take off this film?" before buying. */
record CouponCheckRequest(@NotBlank @Size(max = 40) String code, @NotNull UUID filmId,
        @NotNull PurchaseRequest.Kind kind,
        @NotNull @Pattern(regexp = "^(PGK|USD)$", message = "must be PGK or USD") String currency) {
}

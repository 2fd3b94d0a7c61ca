package com.thewans.payment.coupon;

import java.time.Instant;
import java.util.List;

import com.thewans.payment.web.Money;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A coupon an admin creates: a percentage or amounts per currency off, for some purchase kinds. */
record NewCouponRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9-]*$",
                message = "must be letters, digits and hyphens") String code,
        @Size(max = 300) String description,
        @Min(1) @Max(100) Integer percentOff,
        @Size(max = 2) List<@Valid @NotNull Money> amountsOff,
        @NotEmpty List<@NotNull Kind> appliesTo,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> planCodes,
        Instant validFrom,
        Instant validUntil,
        @Positive Integer maxRedemptions,
        @Positive Integer maxPerUser) {

    /** What a coupon may be used for. */
    enum Kind { RENTAL, PURCHASE, PPV_TICKET, COLLECTOR, SUBSCRIPTION }

    NewCouponRequest {
        amountsOff = amountsOff == null ? List.of() : amountsOff;
        planCodes = planCodes == null ? List.of() : planCodes;
    }
}

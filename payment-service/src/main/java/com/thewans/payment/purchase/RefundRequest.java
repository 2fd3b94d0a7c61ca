package com.thewans.payment.purchase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** How much to give back (all that is left when absent) and why, for the audit trail. */
record RefundRequest(@Positive Long amount, @NotBlank @Size(max = 500) String reason) {
}

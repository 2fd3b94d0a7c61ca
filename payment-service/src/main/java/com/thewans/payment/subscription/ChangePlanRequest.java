package com.thewans.payment.subscription;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The plan a subscriber moves to (its code); the one they are on takes back a move waiting for the renewal. */
record ChangePlanRequest(@NotBlank @Size(max = 40) String plan) {
}

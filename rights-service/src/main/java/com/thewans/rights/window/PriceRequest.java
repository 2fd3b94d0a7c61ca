package com.thewans.rights.window;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** One price of a window: amount in minor units (990 = K 9.90) and its currency. */
public record PriceRequest(@NotNull Currency currency, @NotNull @Positive @Max(100_000_000) Long amount) {
}

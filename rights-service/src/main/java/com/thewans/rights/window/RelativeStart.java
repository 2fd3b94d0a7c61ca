package com.thewans.rights.window;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** "Opens offsetDays after window windowId opens" (negative offsets open before it). */
public record RelativeStart(@NotNull UUID windowId, @NotNull @Min(-3650) @Max(3650) Integer offsetDays) {
}

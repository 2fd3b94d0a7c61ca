package com.thewans.rights.window;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an admin cancels a window; kept on the window and in the audit log. */
public record CancelWindowRequest(@NotBlank @Size(max = 500) String reason) {
}

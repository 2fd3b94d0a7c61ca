package com.thewans.advertising.tracking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A beacon for clients that post: the {@code t} token of the ad's impression (or click) tracking URL. */
record BeaconRequest(@NotBlank @Size(max = 1000) String token) {
}

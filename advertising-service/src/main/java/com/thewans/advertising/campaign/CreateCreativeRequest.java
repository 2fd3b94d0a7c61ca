package com.thewans.advertising.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A creative to upload: its title, where a click goes, the file's content type, an optional skip
 * offset (seconds; absent: not skippable) and an optional Universal Ad Id (Ad-ID, Clearcast...);
 * without one the platform gives the creative a stable id in its own registry.
 */
record CreateCreativeRequest(@NotBlank @Size(max = 160) String title,
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String clickThroughUrl,
        @NotBlank @Size(max = 100) String contentType, Integer skipOffsetSeconds,
        @Valid UniversalAdIdRequest universalAdId) {

    record UniversalAdIdRequest(@NotBlank @Size(max = 100) String idRegistry,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "letters, digits and . _ : -")
            String value) {
    }
}

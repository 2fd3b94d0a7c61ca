package com.thewans.identity.profile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Profiles", description = "What a viewer shows and prefers: display name, avatar, country, language, "
        + "genres, maturity limit")
class ProfileController {

    /**
     * The whole profile; what is left out returns to its default (no avatar, no country,
     * English, no genres, no maturity limit below R18).
     */
    record ProfileRequest(
            @NotBlank @Size(max = 80) String displayName,
            @Size(max = 512) @Pattern(regexp = "^(?!/)(?!.*\\.\\.)[A-Za-z0-9/_.\\-]+$",
                    message = "must be an object storage key such as avatars/abc.jpg") String avatarKey,
            @IsoCountry String country,
            @SupportedLanguage String language,
            @Size(max = 20) List<@NotBlank @Size(max = 40)
                    @Pattern(regexp = "^[\\p{L}\\p{N} &'\\-]+$", message = "must be a genre name") String>
                    preferredGenres,
            MaturityRating maturityLimit) {
    }

    record ProfileResponse(UUID userId, String displayName, String avatarKey, String country, String language,
            List<String> preferredGenres, MaturityRating maturityLimit, Instant updatedAt) {
    }

    private final ProfileService profiles;

    ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/profile")
    @Operation(summary = "The caller's profile (defaults until saved once)")
    @ApiResponse(responseCode = "404", description = "The token names no account (`account-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ProfileResponse get(@AuthenticationPrincipal CurrentUser user) {
        return profiles.of(user.userId());
    }

    @PostMapping("/api/profile")
    @Operation(summary = "Replace the caller's profile; what is left out returns to its default")
    @ApiResponse(responseCode = "404", description = "The token names no account (`account-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ProfileResponse save(@AuthenticationPrincipal CurrentUser user,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = """
                    {"displayName": "Kila", "avatarKey": "avatars/kila.jpg", "country": "PG", "language": "tpi",
                     "preferredGenres": ["Drama", "Documentary"], "maturityLimit": "MA15"}""")))
            @Valid @RequestBody ProfileRequest request) {
        return profiles.replace(user.userId(), request);
    }
}

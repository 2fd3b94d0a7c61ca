package com.thewans.identity.profile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** How a viewer presents themselves and what they want to see. */
@Entity
@Table(name = "profiles")
class Profile {

    @Id
    private UUID userId;
    private String displayName;
    private String avatarKey;
    private String country;
    private String language;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> preferredGenres;
    @Enumerated(EnumType.STRING)
    private MaturityRating maturityLimit;
    private Instant updatedAt;

    protected Profile() {
    }

    static Profile createFor(UUID userId, String displayName, Instant now) {
        Profile profile = new Profile();
        profile.userId = userId;
        profile.displayName = displayName;
        profile.language = Language.DEFAULT;
        profile.preferredGenres = List.of();
        profile.maturityLimit = MaturityRating.R18;
        profile.updatedAt = now;
        return profile;
    }

    void replaceWith(ProfileController.ProfileRequest changes, Instant now) {
        this.displayName = changes.displayName().strip();
        this.avatarKey = changes.avatarKey();
        this.country = changes.country();
        this.language = changes.language() == null ? Language.DEFAULT : changes.language();
        this.preferredGenres = changes.preferredGenres() == null ? List.of()
                : changes.preferredGenres().stream().map(String::strip).distinct().toList();
        this.maturityLimit = changes.maturityLimit() == null ? MaturityRating.R18 : changes.maturityLimit();
        this.updatedAt = now;
    }

    ProfileController.ProfileResponse view() {
        return new ProfileController.ProfileResponse(userId, displayName, avatarKey, country, language,
                List.copyOf(preferredGenres), maturityLimit, updatedAt);
    }

    String displayName() {
        return displayName;
    }
}

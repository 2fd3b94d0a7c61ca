package com.thewans.advertising.campaign;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Who a campaign's ads are for. An empty list means "any": territories (ISO 3166-1 alpha-2), film
 * genres (catalog's slugs), maturity ratings, film languages (ISO 639), device types, and dayparts
 * in the viewer's local time. Built only through {@link TargetingRules}, so a Targeting that exists
 * names only codes that exist.
 */
public record Targeting(Set<String> territories, Set<String> genres, Set<String> maturityRatings,
        Set<String> languages, Set<DeviceType> deviceTypes, List<Daypart> dayparts) {

    public Targeting {
        territories = territories == null ? Set.of() : Set.copyOf(territories);
        genres = genres == null ? Set.of() : Set.copyOf(genres);
        maturityRatings = maturityRatings == null ? Set.of() : Set.copyOf(maturityRatings);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        deviceTypes = deviceTypes == null ? Set.of() : Set.copyOf(deviceTypes);
        dayparts = dayparts == null ? List.of() : List.copyOf(dayparts);
    }

    /** Whether an ad of this campaign may play to this viewer, in this film, on this device, at this local time. */
    public boolean admits(String territory, List<String> filmGenres, String maturity, List<String> filmLanguages,
            DeviceType device, LocalTime localTime) {
        return (territories.isEmpty() || territories.contains(territory))
                && (genres.isEmpty() || filmGenres.stream().anyMatch(genres::contains))
                && (maturityRatings.isEmpty() || maturityRatings.contains(maturity))
                && (languages.isEmpty() || filmLanguages.stream().anyMatch(languages::contains))
                && (deviceTypes.isEmpty() || deviceTypes.contains(device))
                && (dayparts.isEmpty() || dayparts.stream().anyMatch(d -> d.contains(localTime)));
    }
}

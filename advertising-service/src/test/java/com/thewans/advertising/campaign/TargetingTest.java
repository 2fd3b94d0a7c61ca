package com.thewans.advertising.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TargetingTest {

    @Test
    void aDaypartOverMidnightHoldsLateAndEarlyButNotAtNoon() {
        Daypart lateNight = new Daypart(LocalTime.of(22, 0), LocalTime.of(2, 0));

        assertThat(lateNight.contains(LocalTime.of(23, 30))).isTrue();
        assertThat(lateNight.contains(LocalTime.of(1, 59))).isTrue();
        assertThat(lateNight.contains(LocalTime.of(2, 0))).isFalse();
        assertThat(lateNight.contains(LocalTime.NOON)).isFalse();
    }

    @Test
    void emptyListsAdmitAnyoneAndAFilmNeedsOnlyOneOfTheTargetedGenresOrLanguages() {
        Targeting any = new Targeting(null, null, null, null, null, null);
        Targeting narrow = new Targeting(Set.of("PG"), Set.of("drama", "documentary"), Set.of("PG"), Set.of("tpi"),
                Set.of(DeviceType.TV), List.of());

        assertThat(any.admits("AU", List.of(), "R18", List.of(), DeviceType.WEB, LocalTime.NOON)).isTrue();
        assertThat(narrow.admits("PG", List.of("comedy", "documentary"), "PG", List.of("en", "tpi"), DeviceType.TV,
                LocalTime.NOON)).isTrue();
        assertThat(narrow.admits("PG", List.of("comedy"), "PG", List.of("tpi"), DeviceType.TV, LocalTime.NOON))
                .isFalse();
        assertThat(narrow.admits("PG", List.of("drama"), "PG", List.of("tpi"), DeviceType.WEB, LocalTime.NOON))
                .isFalse();
    }

    @Test
    void aPlayersUserAgentNamesItsDevice() {
        assertThat(DeviceType.fromUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari"))
                .isEqualTo(DeviceType.MOBILE);
        assertThat(DeviceType.fromUserAgent("Mozilla/5.0 (Web0S; Linux/SmartTV) LG Browser")).isEqualTo(DeviceType.TV);
        assertThat(DeviceType.fromUserAgent("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")).isEqualTo(DeviceType.WEB);
    }
}

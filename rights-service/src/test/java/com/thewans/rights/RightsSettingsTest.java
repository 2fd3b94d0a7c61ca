package com.thewans.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RightsSettingsTest {

    @Test
    void theLifecycleSettingsAreReadFromWansRights() {
        RightsSettings settings = bind(Map.of("wans.rights.lifecycle.enabled", "false",
                "wans.rights.lifecycle.poll-interval", "2m"));

        assertThat(settings.lifecycle().enabled()).isFalse();
        assertThat(settings.lifecycle().pollInterval()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void withoutSettingsEveryInstancePollsEveryFiveSeconds() {
        RightsSettings settings = new RightsSettings(null);

        assertThat(settings.lifecycle().enabled()).isTrue();
        assertThat(settings.lifecycle().pollInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aPollIntervalThatIsNotPositiveIsRefusedNamingItsVariable() {
        assertThatThrownBy(() -> new RightsSettings.Lifecycle(true, Duration.ZERO))
                .hasMessageContaining("RIGHTS_LIFECYCLE_POLL_INTERVAL");
    }

    private static RightsSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("wans.rights", RightsSettings.class)
                .get();
    }
}

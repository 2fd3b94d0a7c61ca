package com.thewans.rights;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * rights-service's own settings ({@code wans.rights.*} in application.yml, from environment
 * variables of the same meaning).
 *
 * @param lifecycle the scheduler that opens and expires windows on their own times
 */
@ConfigurationProperties("wans.rights")
public record RightsSettings(Lifecycle lifecycle) {

    public RightsSettings {
        lifecycle = lifecycle == null ? new Lifecycle(true, null) : lifecycle;
    }

    /**
     * @param enabled      whether this instance polls (RIGHTS_LIFECYCLE_ENABLED); every instance may
     * @param pollInterval the pause between passes (RIGHTS_LIFECYCLE_POLL_INTERVAL, 5 s)
     */
    public record Lifecycle(boolean enabled, Duration pollInterval) {

        public Lifecycle {
            pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException(
                        "wans.rights.lifecycle.poll-interval (RIGHTS_LIFECYCLE_POLL_INTERVAL) must be positive: "
                                + pollInterval);
            }
        }
    }
}

package com.thewans.notification.schedule;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.thewans.notification.NotificationSettings;
import com.thewans.notification.release.ReleaseNews;

/** The passes that run on time rather than on an event: release digests and subscription-ending warnings. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "wans.notification.digest.enabled", havingValue = "true", matchIfMissing = true)
class NotificationSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);
    private static final Duration FIRST_PASS_AFTER = Duration.ofSeconds(5);

    private final ReleaseNews releases;
    private final NotificationSettings settings;

    NotificationSchedule(ReleaseNews releases, NotificationSettings settings) {
        this.releases = releases;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::pass, settings.digest().pollInterval(), FIRST_PASS_AFTER));
    }

    void pass() {
        try {
            int digests = releases.sendDue();
            if (digests > 0) {
                log.info("Sent {} release digest(s)", digests);
            }
        } catch (RuntimeException e) {
            log.warn("Scheduled notification pass failed, retrying on the next one: {}", e.getMessage());
        }
    }
}

package com.thewans.recommendation.compute;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.thewans.recommendation.RecommendationSettings;

/** Runs the recompute pass on a fixed delay on every instance; the pass's lock lets one at a time work. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "wans.recommendation.recompute-enabled", havingValue = "true", matchIfMissing = true)
class RecomputeSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RecomputeSchedule.class);
    private static final Duration FIRST_PASS_AFTER = Duration.ofSeconds(5);

    private final Recompute recompute;
    private final RecommendationSettings settings;

    RecomputeSchedule(Recompute recompute, RecommendationSettings settings) {
        this.recompute = recompute;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::pass, settings.recomputeInterval(), FIRST_PASS_AFTER));
    }

    void pass() {
        try {
            Recompute.Pass pass = recompute.run();
            if (pass.changedAnything()) {
                log.info("Recompute: {} watch(es) counted, {} film(s) re-neighboured, {} view(s) folded into trending",
                        pass.watchesCounted(), pass.filmsResimilarised(), pass.viewsCounted());
            }
        } catch (RuntimeException e) {
            log.warn("Recompute pass failed, retrying on the next one: {}", e.getMessage());
        }
    }
}

package com.thewans.gateway.security;

import java.time.Duration;

import jakarta.annotation.PreDestroy;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.thewans.common.security.AccessTokenVerifier;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps identity's public keys fresh in the background. The verifier would otherwise fetch them
 * inline when they are ten minutes old, blocking one of the few Netty event-loop threads (and
 * every request queued on it) for the length of an HTTP call to identity.
 */
@Component
class SigningKeyRefresh {

    private static final Duration EVERY = Duration.ofMinutes(4);

    private final AccessTokenVerifier verifier;
    private Disposable schedule;

    SigningKeyRefresh(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        schedule = Flux.interval(Duration.ZERO, EVERY, Schedulers.boundedElastic())
                .subscribe(tick -> verifier.refreshKeys()); // it logs and keeps the old keys on failure
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.dispose();
        }
    }
}

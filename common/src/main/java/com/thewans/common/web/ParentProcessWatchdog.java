package com.thewans.common.web;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * When the local stack starts a service it passes its own pid in WANS_PARENT_PID. If that
 * process dies without stopping us (kill -9, a crashed terminal), we stop too, so a developer's
 * machine is never left with orphaned services holding the ports.
 */
public class ParentProcessWatchdog implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatchdog.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String pid = System.getenv("WANS_PARENT_PID");
        if (pid == null || pid.isBlank()) {
            return;
        }
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(pid.trim()));
        } catch (NumberFormatException e) {
            log.warn("Ignoring WANS_PARENT_PID={}: not a process id", pid);
            return;
        }
        ConfigurableApplicationContext context = event.getApplicationContext();
        Thread watcher = new Thread(() -> {
            while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(Duration.ofSeconds(2).toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            log.warn("Parent process {} is gone; shutting down", pid);
            System.exit(SpringApplication.exit(context, () -> 0));
        }, "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }
}

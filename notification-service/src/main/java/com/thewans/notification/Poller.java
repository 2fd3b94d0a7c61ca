package com.thewans.notification;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background pass run on its own thread: again at once while a pass found a full batch, else after
 * {@code pollInterval} or as soon as someone calls {@link #wake} (a commit that queued work), so work
 * starts within milliseconds without polling the database hard when there is none.
 */
public final class Poller {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final String name;
    private final IntSupplier pass;
    private final int fullBatch;
    private final Duration pollInterval;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread thread;

    /** @param pass one pass; how many items it handled (a full batch means: go again at once) */
    public Poller(String name, IntSupplier pass, int fullBatch, Duration pollInterval) {
        this.name = name;
        this.pass = pass;
        this.fullBatch = fullBatch;
        this.pollInterval = pollInterval;
    }

    public void wake() {
        wakeUps.offer(Boolean.TRUE);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                int handled;
                try {
                    handled = pass.getAsInt();
                } catch (RuntimeException e) {
                    log.warn("{} pass failed, trying again: {}", name, e.getMessage());
                    handled = 0;
                }
                if (handled < fullBatch) {
                    wakeUps.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

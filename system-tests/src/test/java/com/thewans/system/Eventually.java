package com.thewans.system;

import java.time.Duration;
import java.util.function.Supplier;

import com.thewans.common.testing.TestHttp;

/**
 * Polls until an asynchronous effect (an event consumed, a scheduler pass, a transcode) shows
 * through the public API, or gives up with the last answer. Waiting on what the platform says,
 * never a fixed sleep.
 */
final class Eventually {

    private Eventually() {
    }

    static TestHttp.Response until(Duration atMost, Supplier<TestHttp.Response> call,
            java.util.function.Predicate<TestHttp.Response> done) {
        long deadline = System.nanoTime() + atMost.toNanos();
        TestHttp.Response last = call.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + atMost + "; last answer " + last.status() + " "
                        + last.body());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            last = call.get();
        }
        return last;
    }
}

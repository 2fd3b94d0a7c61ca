package com.thewans.playback;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

import com.thewans.testkit.MovableClock;
import com.thewans.testkit.WansServiceTest;

/**
 * playback-service with real PostgreSQL, Redis and S3 store, the other services at {@link PlatformStub}
 * and a movable clock. Every test class uses exactly this, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(MovableClock.Config.class)
@WansServiceTest(storage = true, properties = {
    "wans.clients.identity.url=${wans.test.platform-url}",
    "wans.clients.rights.url=${wans.test.platform-url}",
    "wans.clients.payment.url=${wans.test.platform-url}",
    "wans.clients.transcoding.url=${wans.test.platform-url}"})
public @interface PlaybackServiceTest {
}

package com.thewans.advertising;

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
 * advertising-service with real PostgreSQL, Redis and S3 store, catalog at {@link PlatformStub} and a
 * movable clock. Every test class uses exactly this, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(MovableClock.Config.class)
@WansServiceTest(storage = true, properties = "wans.clients.catalog.url=${wans.test.platform-url}")
public @interface AdsServiceTest {
}

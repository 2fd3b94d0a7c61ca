package com.thewans.royalty;

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
 * royalty-service with real PostgreSQL, Redis and S3 store, catalog stubbed at its HTTP boundary
 * ({@link CatalogStub}), time movable, the monthly job off. Every test class uses exactly this, so
 * they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WansServiceTest(storage = true, properties = {
    "wans.clients.catalog.url=http://127.0.0.1:${wans.test.catalog-port}",
    "wans.royalty.monthly-enabled=false"})
@Import(MovableClock.Config.class)
public @interface RoyaltyServiceTest {
}

package com.thewans.transcoding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.thewans.testkit.WansServiceTest;

/**
 * transcoding-service with real PostgreSQL, Redis and S3 store, a worker in the same process, the
 * catalog stubbed at its HTTP boundary ({@link CatalogStub}), and short timeouts so reclaim tests
 * take seconds. Every test class uses exactly this, so they share one application context (and one
 * worker): two contexts would be two workers competing for the same stream.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WansServiceTest(storage = true, properties = {
    "wans.clients.catalog.url=http://127.0.0.1:${wans.test.catalog-port}",
    "wans.transcode.visibility-timeout=3s",
    "wans.transcode.preset=ultrafast",
    "wans.transcode.worker-id=test-worker",
    "wans.transcode.webhook-secrets=fleet-1=test-only-fleet-secret,fleet-2=test-only-other-secret",
    "wans.transcode.playback-key-base-url=https://gateway.test"})
public @interface TranscodingServiceTest {
}

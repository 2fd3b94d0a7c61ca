package com.thewans.playback;

import com.thewans.testkit.ServiceContractTest;

/** playback-service keeps the platform's service contract (health, own schema, metrics, problems). */
@PlaybackServiceTest
class PlaybackServiceContractTest extends ServiceContractTest {

    static {
        // the same application context as every other test here, so the stub must be up first
        PlatformStub.get();
    }
}

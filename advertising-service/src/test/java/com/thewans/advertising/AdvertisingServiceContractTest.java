package com.thewans.advertising;

import com.thewans.testkit.ServiceContractTest;

/** advertising-service keeps the platform's service contract (health, own schema, metrics, problems). */
@AdsServiceTest
class AdvertisingServiceContractTest extends ServiceContractTest {

    static {
        // the same application context as every other test here, so the stub must be up first
        PlatformStub.get();
    }
}

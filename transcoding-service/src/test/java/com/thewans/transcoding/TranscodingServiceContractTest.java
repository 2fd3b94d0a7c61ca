package com.thewans.transcoding;

import com.thewans.testkit.ServiceContractTest;

/** transcoding-service keeps the platform's service contract (health, own schema, metrics, problems). */
@TranscodingServiceTest
class TranscodingServiceContractTest extends ServiceContractTest {

    static {
        // the same application context as every other test here, so the catalog stub must be up first
        CatalogStub.get();
    }
}

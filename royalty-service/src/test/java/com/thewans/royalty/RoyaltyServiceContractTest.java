package com.thewans.royalty;

import com.thewans.testkit.ServiceContractTest;

/** royalty-service keeps the platform's service contract (health, own schema, metrics, problems). */
@RoyaltyServiceTest
class RoyaltyServiceContractTest extends ServiceContractTest {

    static {
        // the same application context as every other test here, so the catalog stub must be up first
        CatalogStub.get();
    }
}

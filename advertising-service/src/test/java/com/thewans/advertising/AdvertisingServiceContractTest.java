package com.thewans.advertising;

import com.thewans.testkit.ServiceContractTest;

/** advertising-service keeps the platform's service contract (health, own schema, metrics, problems). */
class AdvertisingServiceContractTest extends ServiceContractTest {
}

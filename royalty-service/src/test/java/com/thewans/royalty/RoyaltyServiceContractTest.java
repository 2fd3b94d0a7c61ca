package com.thewans.royalty;

import com.thewans.testkit.ServiceContractTest;

/** royalty-service keeps the platform's service contract (health, own schema, metrics, problems). */
class RoyaltyServiceContractTest extends ServiceContractTest {
}

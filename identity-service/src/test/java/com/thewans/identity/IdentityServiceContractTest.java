package com.thewans.identity;

import com.thewans.testkit.ServiceContractTest;

/** identity-service keeps the platform's service contract (health, own schema, metrics, problems). */
class IdentityServiceContractTest extends ServiceContractTest {
}

package com.thewans.rights;

import com.thewans.testkit.ServiceContractTest;

/** rights-service keeps the platform's service contract (health, own schema, metrics, problems). */
class RightsServiceContractTest extends ServiceContractTest {
}

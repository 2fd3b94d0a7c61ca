package com.thewans.catalog;

import com.thewans.testkit.ServiceContractTest;

/** catalog-service keeps the platform's service contract (health, own schema, metrics, problems). */
class CatalogServiceContractTest extends ServiceContractTest {
}

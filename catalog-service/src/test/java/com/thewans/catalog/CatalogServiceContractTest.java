package com.thewans.catalog;

import com.thewans.common.testing.ServiceContractTest;

/** catalog-service keeps the platform's service contract (health, own schema, metrics, problems). */
class CatalogServiceContractTest extends ServiceContractTest {
}

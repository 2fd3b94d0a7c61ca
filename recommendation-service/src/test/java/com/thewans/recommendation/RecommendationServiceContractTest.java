package com.thewans.recommendation;

import com.thewans.common.testing.ServiceContractTest;

/** recommendation-service keeps the platform's service contract (health, own schema, metrics, problems). */
class RecommendationServiceContractTest extends ServiceContractTest {
}

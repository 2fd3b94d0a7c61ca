package com.thewans.recommendation;

import com.thewans.testkit.ServiceContractTest;

/** recommendation-service keeps the platform's service contract (health, own schema, metrics, problems). */
class RecommendationServiceContractTest extends ServiceContractTest {
}

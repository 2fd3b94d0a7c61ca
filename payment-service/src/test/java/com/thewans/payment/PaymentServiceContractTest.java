package com.thewans.payment;

import com.thewans.testkit.ServiceContractTest;

/** payment-service keeps the platform's service contract (health, own schema, metrics, problems). */
class PaymentServiceContractTest extends ServiceContractTest {
}

package com.thewans.payment;

import com.thewans.common.testing.ServiceContractTest;

/** payment-service keeps the platform's service contract (health, own schema, metrics, problems). */
class PaymentServiceContractTest extends ServiceContractTest {
}

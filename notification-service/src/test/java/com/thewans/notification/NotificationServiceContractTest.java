package com.thewans.notification;

import com.thewans.testkit.ServiceContractTest;

/** notification-service keeps the platform's service contract (health, own schema, metrics, problems). */
class NotificationServiceContractTest extends ServiceContractTest {
}

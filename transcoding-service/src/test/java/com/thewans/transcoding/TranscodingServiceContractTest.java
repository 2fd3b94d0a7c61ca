package com.thewans.transcoding;

import com.thewans.common.testing.ServiceContractTest;

/** transcoding-service keeps the platform's service contract (health, own schema, metrics, problems). */
class TranscodingServiceContractTest extends ServiceContractTest {
}

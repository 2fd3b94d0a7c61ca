package com.thewans.playback;

import com.thewans.testkit.ServiceContractTest;

/** playback-service keeps the platform's service contract (health, own schema, metrics, problems). */
class PlaybackServiceContractTest extends ServiceContractTest {
}

package com.thewans.identity.device;

import static com.thewans.identity.IdentityApi.PASSWORD;
import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.thewans.testkit.TestHttp;
import com.thewans.identity.IdentityTestSupport;

import tools.jackson.databind.JsonNode;

class DeviceTest extends IdentityTestSupport {

    @Test
    void signingInAgainFromADeviceDoesNotRegisterItTwice() {
        String email = api.registerEmail();
        var first = api.login(email, "living-room-tv");
        var second = api.login(email, "living-room-tv");

        var devices = api.get("/api/auth/devices", second);

        assertThat(first.deviceId()).isEqualTo(second.deviceId());
        assertThat(devices.status()).isEqualTo(200);
        assertThat(devices.json().get("maxDevices").asInt()).isEqualTo(5);
        assertThat(devices.json().get("devices").size()).isEqualTo(1);
        JsonNode device = devices.json().get("devices").get(0);
        assertThat(device.get("name").asString()).isEqualTo("Test phone");
        assertThat(device.get("type").asString()).isEqualTo("mobile");
        assertThat(device.get("current").asBoolean()).isTrue();
    }

    @Test
    void aNewDeviceBeyondTheLimitIsRefusedNamingTheLimit() {
        String email = api.registerEmail();
        for (int i = 0; i < 5; i++) {
            api.login(email, "device-" + i);
        }

        var refused = api.tryLogin(loginFrom(email, "device-5"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("device-limit-reached");
        assertThat(refused.json().get("maxDevices").asInt()).isEqualTo(5);
        assertThat(refused.json().get("detail").asString()).contains("5 devices");
        assertThat(refused.json().get("devices").size()).isEqualTo(5);
        assertThat(api.tryLogin(loginFrom(email, "device-0")).status()).as("a known device still signs in")
                .isEqualTo(200);
    }

    @Test
    void aSignInCanReplaceOneOfTheDevicesItWouldExceed() {
        String email = api.registerEmail();
        var oldest = api.login(email, "device-0");
        for (int i = 1; i < 5; i++) {
            api.login(email, "device-" + i);
        }
        var fields = loginFrom(email, "device-new");
        fields.put("replaceDeviceId", oldest.deviceId().toString());

        var replaced = api.tryLogin(fields);

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(api.get("/api/auth/verify", oldest).status()).as("the replaced device is signed out").isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from devices where id = ?", Integer.class, oldest.deviceId()))
                .isZero();
    }

    @Test
    void removingADeviceSignsItOut() {
        String email = api.registerEmail();
        var phone = api.login(email, "phone");
        var tv = api.login(email, "tv");

        var removed = api.delete("/api/auth/devices/" + tv.deviceId(), phone);

        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get("/api/auth/verify", tv).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", map("refreshToken", tv.refreshToken())).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/devices", phone).json().get("devices").size()).isEqualTo(1);
        assertThat(api.delete("/api/auth/devices/" + UUID.randomUUID(), phone).status()).isEqualTo(404);
    }

    @Test
    void nobodyRemovesSomeoneElsesDevice() {
        var mine = api.newViewer();
        var theirs = api.newViewer();

        assertThat(api.delete("/api/auth/devices/" + theirs.deviceId(), mine).status()).isEqualTo(404);
        assertThat(api.get("/api/auth/verify", theirs).status()).isEqualTo(200);
    }

    @Test
    void simultaneousSignInsFromNewDevicesCannotExceedTheLimit() throws Exception {
        String email = api.registerEmail();
        for (int i = 0; i < 4; i++) {
            api.login(email, "device-" + i);
        }
        int racers = 4;
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<TestHttp.Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                String fingerprint = "racing-device-" + i;
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return api.tryLogin(loginFrom(email, fingerprint));
                }));
            }
            ready.await();
            go.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<TestHttp.Response> result : results) {
                TestHttp.Response response = result.get();
                answers.add(response.status() == 200 ? "signed-in" : response.json().get("code").asString());
            }
            // the losers wait for the winner's lock and then see the limit, not a failed update
            assertThat(answers).containsOnlyOnce("signed-in").containsOnly("signed-in", "device-limit-reached");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from devices where user_id = ?", Integer.class,
                userIdOf(email))).isEqualTo(5);
    }

    @Test
    void aClientWithoutAFingerprintIsOneBrowserPerUserAgent() {
        String email = api.registerEmail();

        var first = api.tryLogin(map("email", email, "password", PASSWORD));
        var second = api.tryLogin(map("email", email, "password", PASSWORD));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("deviceId")).isEqualTo(second.json().get("deviceId"));
        assertThat(jdbc.queryForObject("select type from devices where id = ?::uuid", String.class,
                first.json().get("deviceId").asString())).isEqualTo("WEB");
    }

    private static java.util.Map<String, Object> loginFrom(String email, String fingerprint) {
        return map("email", email, "password", PASSWORD, "deviceName", "Device " + fingerprint, "deviceType", "tv",
                "fingerprint", fingerprint);
    }
}

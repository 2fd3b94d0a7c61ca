package com.thewans.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.thewans.notification.NotificationSettings;
import com.thewans.sandbox.SmsSandbox;

/** The SMS adapter against the provider's HTTP side (the SMS sandbox), one answer of the provider at a time. */
class HttpSmsGatewayTest {

    private static final SmsSandbox PROVIDER = SmsSandbox.start();

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    private static HttpSmsGateway gateway(String token) {
        return new HttpSmsGateway(RestClient.builder(), new NotificationSettings("x <a@b.c>", "http://p", "http://a",
                "a-test-secret-of-enough-length", null, new NotificationSettings.Sms(PROVIDER.url(),
                        PROVIDER.settings().accountSid(), token, "WANS", 0), null));
    }

    private final HttpSmsGateway gateway = gateway(PROVIDER.settings().authToken());

    @Test
    void aTextIsPostedAsTheProviderExpectsAndItsSidKept() {
        Outcome outcome = gateway.send("+67571234567", "Hello from THE WANS");

        assertThat(outcome).isInstanceOf(Outcome.Sent.class);
        SmsSandbox.Message received = PROVIDER.messagesTo("+67571234567").get(0);
        assertThat(received.body()).isEqualTo("Hello from THE WANS");
        assertThat(received.from()).isEqualTo("WANS");
        assertThat(((Outcome.Sent) outcome).providerId()).isEqualTo(received.sid());
    }

    @Test
    void anInvalidOrNonMobileNumberIsPermanent() {
        assertThat(gateway.send(SmsSandbox.INVALID_NUMBER, "x")).isEqualTo(
                new Outcome.Permanent("SMS provider answered 400 (code 21211)"));
        assertThat(gateway.send(SmsSandbox.NOT_MOBILE_NUMBER, "x")).isEqualTo(
                new Outcome.Permanent("SMS provider answered 400 (code 21614)"));
    }

    @Test
    void providerErrorsAndThrottlingAreTransient() {
        PROVIDER.failNext(1, 500);
        assertThat(gateway.send("+67571234568", "x")).isInstanceOf(Outcome.Transient.class);
        PROVIDER.failNext(1, 429);
        assertThat(gateway.send("+67571234568", "x")).isEqualTo(
                new Outcome.Transient("SMS provider answered 429 (code 20429)"));
    }

    @Test
    void wrongCredentialsAreTransientSoNothingIsLostWhileTheyAreFixed() {
        assertThat(gateway("wrong-token").send("+67571234569", "x")).isEqualTo(
                new Outcome.Transient("SMS provider answered 401 (code 20003)"));
    }

    @Test
    void anUnreachableProviderIsTransient() {
        HttpSmsGateway nowhere = new HttpSmsGateway(RestClient.builder(), new NotificationSettings("x <a@b.c>",
                "http://p", "http://a", "a-test-secret-of-enough-length", null,
                new NotificationSettings.Sms("http://127.0.0.1:1", "AC", "t", "WANS", 0), null));
        assertThat(nowhere.send("+67571234567", "x")).isInstanceOf(Outcome.Transient.class);
    }
}

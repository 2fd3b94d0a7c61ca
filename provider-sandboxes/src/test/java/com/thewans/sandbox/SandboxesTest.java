package com.thewans.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** What devstack does: both sandboxes in-process, reachable, and gone once closed. */
class SandboxesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void bothStartWithTheLocalDefaultsAndCloseTogether() throws Exception {
        String stripeUrl;
        String mobileMoneyUrl;
        try (Sandboxes sandboxes = Sandboxes.startLocal(0, 0, null)) {
            stripeUrl = sandboxes.stripe().url();
            mobileMoneyUrl = sandboxes.mobileMoney().url();

            HttpResponse<String> stripe = HTTP.send(HttpRequest.newBuilder(URI.create(stripeUrl + "/v1/customers"))
                    .header("Authorization", "Bearer " + SandboxDefaults.STRIPE_SECRET_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("email=a@example.pg")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> mobileMoney = HTTP.send(HttpRequest.newBuilder(URI.create(mobileMoneyUrl + "/collection/token/"))
                    .header("Ocp-Apim-Subscription-Key", SandboxDefaults.MOBILE_MONEY_SUBSCRIPTION_KEY)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(stripe.statusCode()).isEqualTo(200);
            assertThat(sandboxes.stripe().settings().secretKey()).isEqualTo("sk_test_wans_local_sandbox");
            assertThat(mobileMoney.statusCode()).isEqualTo(500);
        }

        Assertions.assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create(stripeUrl + "/v1/customers/cus_x"))
                .GET().build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void callerSuppliedStripeKeysReplaceTheDefaults() {
        try (Sandboxes sandboxes = Sandboxes.start(0, 0, null, "sk_test_other", "whsec_other")) {
            assertThat(sandboxes.stripe().settings().secretKey()).isEqualTo("sk_test_other");
            assertThat(sandboxes.stripe().settings().webhookSecret()).isEqualTo("whsec_other");
        }
    }
}

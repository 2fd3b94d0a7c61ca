package com.thewans.payment.mobilemoney;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.thewans.payment.PaymentSettings;
import com.thewans.sandbox.MobileMoneySandbox;
import com.thewans.sandbox.MobileMoneyTestPayers;
import com.thewans.sandbox.SandboxDefaults;

/**
 * The MoMo Collection adapter against the MoMo-shaped sandbox over real HTTP: what it sends, and
 * how it reads the wallet's answers, its refusals and its absence.
 */
class MomoCollectionPaymentsTest {

    private static final MobileMoneySandbox WALLET = MobileMoneySandbox.start();
    private static final URI CALLBACK = URI.create("https://api.thewans.example/api/webhooks/mobile-money/cellmoni");

    @AfterAll
    static void stopTheWallet() {
        WALLET.close();
    }

    private static PaymentSettings.Wallet wallet(String baseUrl, String apiKey) {
        return new PaymentSettings.Wallet(baseUrl, SandboxDefaults.MOBILE_MONEY_API_USER, apiKey,
                SandboxDefaults.MOBILE_MONEY_SUBSCRIPTION_KEY, SandboxDefaults.MOBILE_MONEY_TARGET_ENVIRONMENT,
                SandboxDefaults.MOBILE_MONEY_CALLBACK_SECRET);
    }

    private static MomoCollectionPayments payments(Map<String, PaymentSettings.Wallet> wallets) {
        return new MomoCollectionPayments(new PaymentSettings.MobileMoney(wallets, null, null, null), Clock.systemUTC());
    }

    private final MomoCollectionPayments payments = payments(Map.of("cellmoni",
            wallet(WALLET.url(), SandboxDefaults.MOBILE_MONEY_API_KEY)));

    private static MobileMoneyPayments.RequestToPay request(UUID reference, String phone) {
        return new MobileMoneyPayments.RequestToPay(reference, 990, "PGK", new Msisdn(phone), "transaction-1",
                "THE WANS: film rental", "WANS transaction 1", CALLBACK);
    }

    @Test
    void askingAgainUnderTheSameReferenceIsAnsweredAsAlreadyAskedAndAsksThePayerOnce() {
        UUID reference = UUID.randomUUID();

        var first = payments.requestToPay("cellmoni", request(reference, "+" + MobileMoneyTestPayers.NEVER_ANSWERS));
        var again = payments.requestToPay("cellmoni", request(reference, "+" + MobileMoneyTestPayers.NEVER_ANSWERS));

        assertThat(first.outcome()).isEqualTo(MobileMoneyPayments.Asked.Outcome.ASKED);
        assertThat(again.outcome()).isEqualTo(MobileMoneyPayments.Asked.Outcome.ALREADY_ASKED);
        assertThat(WALLET.requests()).filteredOn(r -> r.referenceId().equals(reference.toString())).hasSize(1);
    }

    @Test
    void theWalletIsAskedForTheAmountInItsUnitFromTheNumberWithoutThePlus() {
        UUID reference = UUID.randomUUID();

        payments.requestToPay("cellmoni", request(reference, "+" + MobileMoneyTestPayers.NEVER_ANSWERS));

        MobileMoneySandbox.RequestToPay asked = WALLET.request(reference.toString()).orElseThrow();
        assertThat(asked.amount()).isEqualTo("9.90");
        assertThat(asked.currency()).isEqualTo("PGK");
        assertThat(asked.payerPartyIdType()).isEqualTo("MSISDN");
        assertThat(asked.payerPartyId()).isEqualTo(MobileMoneyTestPayers.NEVER_ANSWERS);
        assertThat(asked.externalId()).isEqualTo("transaction-1");
        assertThat(asked.payerMessage()).isEqualTo("THE WANS: film rental");
        assertThat(asked.callbackUrl()).isEqualTo(CALLBACK.toString());
    }

    @Test
    void theStatusSaysWhatThePayerDidAndWhy() {
        UUID declined = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        payments.requestToPay("cellmoni", request(declined, "+" + MobileMoneyTestPayers.REJECTS));
        payments.requestToPay("cellmoni", request(waiting, "+" + MobileMoneyTestPayers.NEVER_ANSWERS));
        WALLET.fail(declined.toString(), "APPROVAL_REJECTED");

        var failed = payments.status("cellmoni", declined);
        var pending = payments.status("cellmoni", waiting);
        var neverAsked = payments.status("cellmoni", UUID.randomUUID());

        assertThat(failed.state()).isEqualTo(MobileMoneyPayments.RequestStatus.State.FAILED);
        assertThat(failed.reason()).isEqualTo("APPROVAL_REJECTED");
        assertThat(failed.externalId()).isEqualTo("transaction-1");
        assertThat(failed.payload()).contains("\"status\":\"FAILED\"");
        assertThat(pending.state()).isEqualTo(MobileMoneyPayments.RequestStatus.State.PENDING);
        assertThat(neverAsked.state()).isEqualTo(MobileMoneyPayments.RequestStatus.State.NOT_FOUND);
    }

    @Test
    void aRequestTheWalletRefusesIsItsRefusalNotAnOutage() {
        // a valid E.164 number, but shorter than any MSISDN this wallet has
        var refused = payments.requestToPay("cellmoni", request(UUID.randomUUID(), "+6831234"));

        assertThat(refused.refused()).isTrue();
        assertThat(refused.refusalCode()).isEqualTo("PAYER_NOT_FOUND");
    }

    @Test
    void wrongCredentialsAndAClosedPortAreAWalletThatIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        MomoCollectionPayments misconfigured = payments(Map.of(
                "wrong-key", wallet(WALLET.url(), "not-the-api-key"),
                "closed", wallet("http://127.0.0.1:" + closedPort, SandboxDefaults.MOBILE_MONEY_API_KEY)));

        assertThatThrownBy(() -> misconfigured.requestToPay("wrong-key", request(UUID.randomUUID(), "+67570000001")))
                .isInstanceOfSatisfying(WalletUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo("dependency-unavailable");
                    assertThat(e.status().value()).isEqualTo(503);
                    assertThat(e.headers().getFirst("Retry-After")).isEqualTo("5");
                    assertThat(e.properties()).containsEntry("wallet", "wrong-key");
                });
        assertThatThrownBy(() -> misconfigured.status("closed", UUID.randomUUID()))
                .isInstanceOf(WalletUnavailable.class);
        assertThatThrownBy(() -> misconfigured.status("not-configured", UUID.randomUUID()))
                .isInstanceOf(WalletUnavailable.class);
    }

    @Test
    void aCallbackIsTheWalletsWhenItsSignatureIsTheHmacOfTheRawBody() throws Exception {
        byte[] body = "{\"externalId\":\"transaction-1\",\"status\":\"SUCCESSFUL\"}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SandboxDefaults.MOBILE_MONEY_CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(body));

        assertThat(payments.signedByWallet("cellmoni", body, signature)).isTrue();
        assertThat(payments.signedByWallet("cellmoni", body, signature.toUpperCase())).isTrue();
        assertThat(payments.signedByWallet("cellmoni", "{\"status\":\"FAILED\"}".getBytes(StandardCharsets.UTF_8),
                signature)).isFalse();
        assertThat(payments.signedByWallet("cellmoni", body, signature.substring(2))).isFalse();
        assertThat(payments.signedByWallet("cellmoni", body, "not hex")).isFalse();
        assertThat(payments.signedByWallet("micash", body, signature)).isFalse();
    }

    @Test
    void aPaymentsReferenceIsAStableVersionFourUuidOfItsOwn() {
        UUID transaction = UUID.randomUUID();

        UUID reference = MobileMoneyPayments.referenceFor(transaction);

        assertThat(reference).isEqualTo(MobileMoneyPayments.referenceFor(transaction));
        assertThat(reference).isNotEqualTo(transaction)
                .isNotEqualTo(MobileMoneyPayments.referenceFor(UUID.randomUUID()));
        assertThat(reference.version()).isEqualTo(4);
        assertThat(reference.variant()).isEqualTo(2);
    }

    @Test
    void aPhoneNumberIsE164OrNothing() {
        assertThat(new Msisdn("+67570000001").digits()).isEqualTo("67570000001");
        assertThat(new Msisdn("+67570000001").toString()).doesNotContain("7000000");
        for (String notE164 : new String[] {"67570000001", "+675 7000 0001", "+0675700001", "+123456",
                "+1234567890123456", "tel:+67570000001", ""}) {
            assertThatThrownBy(() -> new Msisdn(notE164)).as(notE164).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

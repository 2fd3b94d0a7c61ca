package com.thewans.identity.wallet;

import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import com.thewans.testkit.TestHttp;
import com.thewans.identity.IdentityApi;
import com.thewans.identity.IdentityTestSupport;

/** Real EIP-4361 messages, signed with personal_sign by freshly generated secp256k1 keys. */
class WalletSignInTest extends IdentityTestSupport {

    private ECKeyPair wallet;
    private String address;

    @BeforeEach
    void newWallet() throws Exception {
        wallet = Keys.createEcKeyPair();
        address = Keys.toChecksumAddress(Keys.getAddress(wallet.getPublicKey()));
    }

    @Test
    void aNewWalletSignsInToANewAccountAndAfterwardsToTheSameOne() {
        var first = walletLogin(message().build(), wallet);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var tokens = IdentityApi.tokens(first);
        assertThat(api.get("/api/auth/verify", tokens).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select user_id from wallets where address = ?", java.util.UUID.class,
                address.toLowerCase(Locale.ROOT))).isEqualTo(tokens.userId());
        assertThat(eventsAbout("identity.user_registered", tokens.userId()).get(0).get("registeredWith").asString())
                .isEqualTo("WALLET");

        var second = walletLogin(message().build(), wallet);

        assertThat(second.status()).isEqualTo(200);
        assertThat(IdentityApi.tokens(second).userId()).isEqualTo(tokens.userId());
        assertThat(jdbc.queryForObject("select sign_in_method from sessions where id = ?", String.class,
                tokens.sessionId())).isEqualTo("WALLET");
    }

    @Test
    void aNonceSignsInOnceOnly() {
        String message = message().build();
        String signature = sign(message, wallet);

        var first = api.post("/api/auth/wallet/login", map("message", message, "signature", signature));
        var replay = api.post("/api/auth/wallet/login", map("message", message, "signature", signature));

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("detail").asString()).contains("nonce");
    }

    @Test
    void aNonceThisServiceNeverIssuedIsRefused() {
        var refused = walletLogin(message().nonce("madeUpNonce12345").build(), wallet);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asString()).isEqualTo("wallet-sign-in-refused");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        ECKeyPair impostor = Keys.createEcKeyPair();

        var refused = walletLogin(message().build(), impostor);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("signature");
        assertThat(jdbc.queryForObject("select count(*) from wallets where address = ?", Integer.class,
                address.toLowerCase(Locale.ROOT))).isZero();
    }

    @Test
    void aTamperedMessageNoLongerMatchesItsSignature() {
        String signed = message().build();
        String signature = sign(signed, wallet);
        String tampered = signed.replace("Chain ID: 1", "Chain ID: 137");

        var refused = api.post("/api/auth/wallet/login", map("message", tampered, "signature", signature));

        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void messagesForAnotherSiteChainOrTimeAreRefused() {
        assertRefused(message().domain("evil.example").build(), "not to this site");
        assertRefused(message().uri("https://evil.example/login").build(), "URI");
        assertRefused(message().chainId(56).build(), "Chain 56");
        assertRefused(message().expiration(Instant.now().minusSeconds(5)).build(), "expired");
        assertRefused(message().issuedAt(Instant.now().minus(Duration.ofHours(1))).build(), "issued");
        assertRefused(message().issuedAt(Instant.now().plus(Duration.ofHours(1))).build(), "issued");
        assertRefused(message().notBefore(Instant.now().plus(Duration.ofHours(1))).build(), "not valid yet");
    }

    @Test
    void somethingThatIsNotAnEip4361MessageIsABadRequest() {
        var plain = walletLogin("Please let me in", wallet);
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.json().get("code").asString()).isEqualTo("invalid-siwe-message");

        var lowerCaseAddress = walletLogin(message().build().replace(address, address.toLowerCase(Locale.ROOT)),
                wallet);
        assertThat(lowerCaseAddress.status()).as("EIP-55 checksum required").isEqualTo(400);

        var badSignature = api.post("/api/auth/wallet/login", map("message", message().build(), "signature", "0x1234"));
        assertThat(badSignature.status()).isEqualTo(401);

        var oversized = api.post("/api/auth/wallet/login", map("message", "x".repeat(5000), "signature", "0x00"));
        assertThat(oversized.status()).isEqualTo(400);
    }

    @Test
    void aSignedInPersonLinksAWalletAndThenSignsInWithIt() {
        var person = api.newViewer();

        var linked = api.post("/api/auth/wallet/link", map("message", message().build(), "signature", null), person);
        assertThat(linked.status()).as("a signature is required").isEqualTo(400);
        String message = message().build();
        linked = api.post("/api/auth/wallet/link", map("message", message, "signature", sign(message, wallet)), person);

        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("address").asString()).isEqualTo(address.toLowerCase(Locale.ROOT));
        var viaWallet = walletLogin(message().build(), wallet);
        assertThat(IdentityApi.tokens(viaWallet).userId()).isEqualTo(person.userId());
        assertThat(api.get("/api/auth/wallets", person).json().get(0).get("address").asString())
                .isEqualTo(address.toLowerCase(Locale.ROOT));
    }

    @Test
    void aWalletSignsInToOneAccountOnly() {
        var owner = IdentityApi.tokens(walletLogin(message().build(), wallet));
        var someoneElse = api.newViewer();
        String message = message().build();

        var refused = api.post("/api/auth/wallet/link", map("message", message, "signature", sign(message, wallet)),
                someoneElse);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("wallet-linked-elsewhere");
        assertThat(IdentityApi.tokens(walletLogin(message().build(), wallet)).userId()).isEqualTo(owner.userId());
    }

    @Test
    void theNonceIsPublicAndNeverCached() {
        var nonce = api.get("/api/auth/wallet/nonce");

        assertThat(nonce.status()).isEqualTo(200);
        assertThat(nonce.json().get("nonce").asString()).matches("[A-Za-z0-9]{22}");
        assertThat(nonce.header("Cache-Control")).contains("no-store");
        assertThat(redis.getExpire("siwe-nonce:" + nonce.json().get("nonce").asString())).isBetween(290L, 300L);
    }

    private void assertRefused(String message, String reason) {
        var refused = walletLogin(message, wallet);
        assertThat(refused.status()).as(message).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).as(message).contains(reason);
    }

    private TestHttp.Response walletLogin(String message, ECKeyPair signer) {
        return api.post("/api/auth/wallet/login", map("message", message, "signature", sign(message, signer),
                "deviceName", "MetaMask on Chrome", "deviceType", "web", "fingerprint", "wallet-browser"));
    }

    private static String sign(String message, ECKeyPair signer) {
        Sign.SignatureData signature = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), signer);
        return "0x" + Numeric.toHexStringNoPrefix(signature.getR()) + Numeric.toHexStringNoPrefix(signature.getS())
                + Numeric.toHexStringNoPrefix(signature.getV());
    }

    private MessageBuilder message() {
        return new MessageBuilder(api.get("/api/auth/wallet/nonce").json().get("nonce").asString());
    }

    private final class MessageBuilder {
        private String domain = "localhost:3000";
        private String uri = "http://localhost:3000/sign-in";
        private long chainId = 1;
        private String nonce;
        private Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        private Instant expiration;
        private Instant notBefore;

        MessageBuilder(String nonce) {
            this.nonce = nonce;
        }

        MessageBuilder domain(String value) {
            domain = value;
            return this;
        }

        MessageBuilder uri(String value) {
            uri = value;
            return this;
        }

        MessageBuilder chainId(long value) {
            chainId = value;
            return this;
        }

        MessageBuilder nonce(String value) {
            nonce = value;
            return this;
        }

        MessageBuilder issuedAt(Instant value) {
            issuedAt = value;
            return this;
        }

        MessageBuilder expiration(Instant value) {
            expiration = value;
            return this;
        }

        MessageBuilder notBefore(Instant value) {
            notBefore = value;
            return this;
        }

        String build() {
            StringBuilder text = new StringBuilder()
                    .append(domain).append(" wants you to sign in with your Ethereum account:\n")
                    .append(address).append("\n\n")
                    .append("Sign in to THE WANS.\n\n")
                    .append("URI: ").append(uri).append('\n')
                    .append("Version: 1\n")
                    .append("Chain ID: ").append(chainId).append('\n')
                    .append("Nonce: ").append(nonce).append('\n')
                    .append("Issued At: ").append(issuedAt);
            if (expiration != null) {
                text.append("\nExpiration Time: ").append(expiration);
            }
            if (notBefore != null) {
                text.append("\nNot Before: ").append(notBefore);
            }
            return text.toString();
        }
    }
}

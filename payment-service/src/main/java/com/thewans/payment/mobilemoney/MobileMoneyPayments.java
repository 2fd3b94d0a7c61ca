package com.thewans.payment.mobilemoney;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Mobile-money payments at the payer's wallet, in the request-to-pay shape mobile-money APIs share
 * (MTN MoMo Collection's): we ask the wallet to collect an amount from a phone number under a
 * reference of our own, the payer approves or declines on their phone, and the wallet tells us by a
 * callback that may come once or never, so the status is also polled. One real adapter speaks that
 * API to each configured wallet; nothing else in the service knows its wire shapes.
 */
public interface MobileMoneyPayments {

    /** The names of the wallets payers may choose ({@code cellmoni}, ...). */
    Set<String> wallets();

    /**
     * Asks the payer, through their wallet, to approve the payment. Asking again with the same
     * reference asks nobody twice: the wallet answers that it was already asked.
     *
     * @throws WalletUnavailable when the wallet cannot be reached, is slow or fails on its side
     */
    Asked requestToPay(String wallet, RequestToPay request);

    /**
     * Where a request stands at the wallet: the authoritative answer, whatever a callback said.
     *
     * @throws WalletUnavailable when the wallet cannot be reached, is slow or fails on its side
     */
    RequestStatus status(String wallet, UUID reference);

    /**
     * Gives money back to the payer of a collected request to pay, in the shape of MoMo's
     * Disbursement refund: under our own reference, so asking again asks nobody twice. The wallet
     * settles it later; {@link #refundStatus} tells how.
     *
     * @throws WalletUnavailable when the wallet cannot be reached, is slow or fails on its side
     */
    Asked refund(String wallet, Refund refund);

    /**
     * Where a refund stands at the wallet (SUCCESSFUL: the money went back).
     *
     * @throws WalletUnavailable when the wallet cannot be reached, is slow or fails on its side
     */
    RequestStatus refundStatus(String wallet, UUID reference);

    /**
     * One refund.
     *
     * @param reference        our reference for it
     * @param paymentReference the request to pay it gives money back from
     * @param amount           in minor units
     * @param externalId       what the wallet keeps as the merchant's id (our refund's id)
     */
    record Refund(UUID reference, UUID paymentReference, long amount, String currency, String externalId,
            String note) {

        public Refund {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(paymentReference, "paymentReference");
            if (amount <= 0) {
                throw new IllegalArgumentException("a refund is of a positive amount: " + amount);
            }
        }
    }

    /** Whether a callback's body carries this wallet's signature (false for a wallet we do not have). */
    boolean signedByWallet(String wallet, byte[] body, String signature);

    /**
     * The request-to-pay reference of one of our payments: derived from its id, so every attempt to
     * ask for that payment carries the same reference and a wallet never collects it twice. It has
     * the form of a random (version 4) UUID, which MoMo requires of {@code X-Reference-Id}.
     */
    static UUID referenceFor(UUID transactionId) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256")
                    .digest(("wans-request-to-pay:" + transactionId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x40); // version 4
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (hash[i] & 0xff);
            low = (low << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(high, low);
    }

    /**
     * One request to pay.
     *
     * @param reference    our reference for it ({@link #referenceFor})
     * @param amount       in minor units (toea for PGK)
     * @param externalId   what the wallet shows as the merchant's id on its records, and sends back (our transaction id)
     * @param payerMessage what the payer reads on their phone
     * @param payeeNote    what the wallet keeps for us
     * @param callbackUrl  where the wallet should call back, or null to rely on polling
     */
    record RequestToPay(UUID reference, long amount, String currency, Msisdn payer, String externalId,
            String payerMessage, String payeeNote, URI callbackUrl) {

        public RequestToPay {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(payer, "payer");
            if (amount <= 0) {
                throw new IllegalArgumentException("a request to pay is for a positive amount: " + amount);
            }
        }
    }

    /** What the wallet made of a request to pay. */
    record Asked(Outcome outcome, String refusalCode, String refusalMessage) {

        public enum Outcome {
            /** The payer is being asked now. */
            ASKED,
            /** The wallet had this reference already: an earlier attempt reached it (no second request). */
            ALREADY_ASKED,
            /** The wallet would not ask (an unknown payer, an amount it does not take): the payment failed. */
            REFUSED
        }

        static Asked asked() {
            return new Asked(Outcome.ASKED, null, null);
        }

        static Asked alreadyAsked() {
            return new Asked(Outcome.ALREADY_ASKED, null, null);
        }

        static Asked refused(String code, String message) {
            return new Asked(Outcome.REFUSED, code, message);
        }

        public boolean refused() {
            return outcome == Outcome.REFUSED;
        }
    }

    /**
     * A request's status at the wallet.
     *
     * @param reason                 why it FAILED (the wallet's code, e.g. {@code APPROVAL_REJECTED}), else null
     * @param financialTransactionId the wallet's id of the money movement once SUCCESSFUL
     * @param externalId             the external id the request was made with (our transaction id)
     * @param payload                the wallet's answer as it came, kept as the provider's message
     */
    record RequestStatus(UUID reference, State state, String reason, String financialTransactionId,
            String externalId, String payload) {

        public enum State {
            /** The payer has not answered yet. */
            PENDING,
            /** The payer approved and the money moved. */
            SUCCESSFUL,
            /** The payer declined, could not pay, or the wallet gave up. */
            FAILED,
            /** The wallet has no request with this reference: it was never asked. */
            NOT_FOUND
        }
    }
}

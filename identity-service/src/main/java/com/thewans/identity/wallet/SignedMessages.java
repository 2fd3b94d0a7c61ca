package com.thewans.identity.wallet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Who signed a message with personal_sign (EIP-191): the secp256k1 public key is recovered from
 * the 65-byte signature, and the address is the last 20 bytes of its Keccak-256 hash.
 */
final class SignedMessages {

    private static final Pattern SIGNATURE = Pattern.compile("^0x[0-9a-fA-F]{130}$");

    private SignedMessages() {
    }

    /** The signer's address in lower case, or null when the signature is not a valid one. */
    static String signer(String message, String signature) {
        if (signature == null || !SIGNATURE.matcher(signature).matches()) {
            return null;
        }
        byte[] bytes = Numeric.hexStringToByteArray(signature);
        byte v = bytes[64];
        if (v < 27) {
            // some wallets send the recovery id (0/1) rather than 27/28
            v += 27;
        }
        if (v != 27 && v != 28) {
            return null;
        }
        try {
            BigInteger publicKey = Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8),
                    new Sign.SignatureData(v, Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64)));
            return "0x" + Keys.getAddress(publicKey).toLowerCase(Locale.ROOT);
        } catch (SignatureException | IllegalArgumentException e) {
            return null;
        }
    }
}

package com.thewans.identity.wallet;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * What a Sign-In with Ethereum message must say to be accepted here ({@code wans.identity.wallet}).
 *
 * @param domain    the RFC 3986 authority asking for the sign-in (the web app's host and port)
 * @param uri       the origin the message's URI must be on
 * @param chainIds  EIP-155 chain ids accepted (1 = Ethereum mainnet, 137 = Polygon)
 * @param nonceTtl  how long a nonce can wait to be used
 * @param clockSkew tolerance for the wallet's clock in Issued At and Not Before
 */
public record WalletSettings(String domain, URI uri, Set<Long> chainIds, Duration nonceTtl, Duration clockSkew) {
}

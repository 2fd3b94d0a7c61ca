package com.thewans.identity.wallet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.events.DomainEvents;
import com.thewans.identity.account.AccountNotFound;
import com.thewans.identity.account.AccountStateConflict;
import com.thewans.identity.account.UserAccount;
import com.thewans.identity.account.UserAccountRepository;
import com.thewans.identity.device.DeviceDetails;
import com.thewans.identity.profile.ProfileService;
import com.thewans.identity.session.SessionService;
import com.thewans.identity.session.SignInMethod;
import com.thewans.identity.session.SignedIn;
import com.thewans.identity.web.ClientOrigin;

/**
 * Sign-In with Ethereum (EIP-4361). A message is accepted when it is addressed to this site
 * (domain, URI), on an allowed chain, within its time bounds, signed by the address it names,
 * and carries a nonce this service issued and nobody has used. The wallet then signs in to the
 * account it is linked to, or to a new account made for it.
 */
@Service
class WalletSignIn {

    private final WalletSettings settings;
    private final WalletNonces nonces;
    private final WalletRepository wallets;
    private final UserAccountRepository users;
    private final ProfileService profiles;
    private final SessionService sessions;
    private final DomainEvents events;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WalletSignIn(WalletSettings settings, WalletNonces nonces, WalletRepository wallets, UserAccountRepository users,
            ProfileService profiles, SessionService sessions, DomainEvents events, AuditLog audit, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.settings = settings;
        this.nonces = nonces;
        this.wallets = wallets;
        this.users = users;
        this.profiles = profiles;
        this.sessions = sessions;
        this.events = events;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    SignedIn signIn(String message, String signature, DeviceDetails device, UUID replaceDeviceId,
            ClientOrigin origin) {
        String address = verify(message, signature);
        UUID userId = transactions.execute(status -> {
            lockAddress(address);
            return wallets.findById(address).map(Wallet::userId).orElseGet(() -> createAccountFor(address));
        });
        return sessions.signIn(userId, device, replaceDeviceId, SignInMethod.WALLET, origin);
    }

    Wallet link(UUID userId, String message, String signature) {
        String address = verify(message, signature);
        return transactions.execute(status -> {
            lockAddress(address);
            var existing = wallets.findById(address);
            if (existing.isPresent()) {
                if (existing.get().userId().equals(userId)) {
                    return existing.get();
                }
                throw new AccountStateConflict("wallet-linked-elsewhere",
                        "This wallet signs in to another account already");
            }
            if (!users.existsById(userId)) {
                throw new AccountNotFound();
            }
            Wallet linked = wallets.save(new Wallet(address, userId, clock.instant()));
            audit.record("identity.wallet_linked", userId.toString(), Map.of("address", address));
            return linked;
        });
    }

    List<Wallet> of(UUID userId) {
        return wallets.findByUserIdOrderByLinkedAt(userId);
    }

    /** The signer's address (lower case) once every check has passed; the nonce is spent last. */
    private String verify(String text, String signature) {
        SiweMessage message = SiweMessage.parse(text);
        Instant now = clock.instant();
        if (!settings.domain().equalsIgnoreCase(message.domain())) {
            throw refused("The message asks to sign in to " + message.domain() + ", not to this site");
        }
        if (!sameOrigin(message.uri(), settings.uri())) {
            throw refused("The message's URI is not on this site");
        }
        if (!"1".equals(message.version())) {
            throw refused("Only version 1 of EIP-4361 messages is supported");
        }
        if (!settings.chainIds().contains(message.chainId())) {
            throw refused("Chain " + message.chainId() + " is not accepted here; use one of " + settings.chainIds());
        }
        if (message.issuedAt().isAfter(now.plus(settings.clockSkew()))
                || message.issuedAt().isBefore(now.minus(settings.nonceTtl()).minus(settings.clockSkew()))) {
            throw refused("The message was not issued just now; ask for a new nonce and sign again");
        }
        if (message.expirationTime() != null && !message.expirationTime().isAfter(now)) {
            throw refused("The message has expired");
        }
        if (message.notBefore() != null && message.notBefore().isAfter(now.plus(settings.clockSkew()))) {
            throw refused("The message is not valid yet");
        }
        String signer = SignedMessages.signer(text, signature);
        if (signer == null || !signer.equals(message.address().toLowerCase(Locale.ROOT))) {
            throw refused("The signature is not the message's address signing this message");
        }
        if (!nonces.consume(message.nonce())) {
            throw refused("The nonce is unknown, expired or already used; ask for a new one");
        }
        return signer;
    }

    private UUID createAccountFor(String address) {
        UserAccount account = users.saveAndFlush(UserAccount.forWallet(clock.instant()));
        profiles.createFor(account.id(), address.substring(0, 6) + "…" + address.substring(address.length() - 4));
        wallets.save(new Wallet(address, account.id(), clock.instant()));
        events.publish("identity.user_registered", Map.of("userId", account.id(), "registeredWith", "WALLET"));
        return account.id();
    }

    /** Two first sign-ins of one new wallet at once must create one account, not two. */
    private void lockAddress(String address) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", "wallet:" + address);
    }

    private static boolean sameOrigin(java.net.URI uri, java.net.URI allowed) {
        return allowed.getScheme().equalsIgnoreCase(uri.getScheme())
                && allowed.getHost() != null && allowed.getHost().equalsIgnoreCase(uri.getHost())
                && port(allowed) == port(uri);
    }

    private static int port(java.net.URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static WalletSignInRefused refused(String detail) {
        return new WalletSignInRefused(detail);
    }
}

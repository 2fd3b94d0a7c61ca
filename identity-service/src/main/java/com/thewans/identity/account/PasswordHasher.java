package com.thewans.identity.account;

import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;


/**
 * Argon2id (OWASP's first choice: 19 MiB, 2 passes, 1 lane), tens of milliseconds per hash.
 * Unlike bcrypt it uses the whole of a 128-character password. Each hash holds 19 MiB, and
 * virtual threads would let a flood of sign-ins start thousands at once, so a semaphore bounds
 * how many run together; the rest wait briefly or get a 503.
 */
@Component
public class PasswordHasher {

    private final Argon2PasswordEncoder encoder;
    private final Semaphore slots;
    /** Checked against when the account does not exist, so both answers take as long. */
    private final String dummyHash;

    public PasswordHasher(@Value("${wans.identity.passwords.memory-kib:19456}") int memoryKib,
            @Value("${wans.identity.passwords.iterations:2}") int iterations,
            @Value("${wans.identity.passwords.concurrent-hashes:0}") int concurrentHashes) {
        this.encoder = new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations);
        int slotsWanted = concurrentHashes > 0 ? concurrentHashes : Runtime.getRuntime().availableProcessors() * 2;
        this.slots = new Semaphore(slotsWanted, true);
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    public String hash(String password) {
        return withSlot(() -> encoder.encode(password));
    }

    /** False for an account without a password (wallet-only), after the same work as a real check. */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            withSlot(() -> encoder.matches(password, dummyHash));
            return false;
        }
        return withSlot(() -> encoder.matches(password, hash));
    }

    /** The same work as a real check, for an account that does not exist. */
    public void matchNothing(String password) {
        withSlot(() -> encoder.matches(password, dummyHash));
    }

    private <T> T withSlot(java.util.function.Supplier<T> work) {
        try {
            if (!slots.tryAcquire(5, TimeUnit.SECONDS)) {
                throw new SignInBusy("Too many sign-ins are being checked right now; try again in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInBusy("Interrupted; try again");
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}

package com.thewans.identity.account;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.events.DomainEvents;
import com.thewans.common.problem.InvalidField;

/** Creating accounts (what follows from a new account, a profile and codes, listens for {@link AccountRegistered}). */
@Service
class AccountService {

    static final String REGISTERED = "identity.user_registered";

    private final UserAccountRepository users;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final ApplicationEventPublisher registrations;
    private final DomainEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountService(UserAccountRepository users, PasswordPolicy policy, PasswordHasher hasher,
            ApplicationEventPublisher registrations, DomainEvents events,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.users = users;
        this.policy = policy;
        this.hasher = hasher;
        this.registrations = registrations;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    UserAccount register(AccountController.Registration registration) {
        boolean hasEmail = registration.email() != null && !registration.email().isBlank();
        boolean hasPhone = registration.phone() != null && !registration.phone().isBlank();
        if (!hasEmail && !hasPhone) {
            throw new InvalidField("email", "send an email, a phone number or both");
        }
        EmailAddress email = hasEmail ? EmailAddress.of(registration.email()) : null;
        PhoneNumber phone = hasPhone ? PhoneNumber.of(registration.phone()) : null;
        policy.check(registration.password(), PasswordPolicy.personalWords(email == null ? null : email.value(),
                phone == null ? null : phone.value()));
        ensureFree(email, phone);
        String hash = hasher.hash(registration.password());
        try {
            return transactions.execute(status -> {
                UserAccount account = users.saveAndFlush(UserAccount.register(email, phone, hash, clock.instant()));
                // the profile and the verification codes, in this transaction
                registrations.publishEvent(new AccountRegistered(account, registration.displayName() != null
                        ? registration.displayName() : defaultDisplayName(email, phone)));
                events.publish(REGISTERED, Map.of("userId", account.id(),
                        "registeredWith", email != null ? "EMAIL" : "PHONE"));
                return account;
            });
        } catch (DataIntegrityViolationException e) {
            // someone registered the same email or phone in the moment since ensureFree
            ensureFree(email, phone);
            throw e;
        }
    }

    UserAccount get(UUID userId) {
        return users.findById(userId).orElseThrow(AccountNotFound::new);
    }

    private void ensureFree(EmailAddress email, PhoneNumber phone) {
        if (email != null && users.existsByEmail(email.value())) {
            throw new AccountAlreadyExists("email");
        }
        if (phone != null && users.existsByPhone(phone.value())) {
            throw new AccountAlreadyExists("phone");
        }
    }

    private static String defaultDisplayName(EmailAddress email, PhoneNumber phone) {
        if (email != null) {
            return email.value().substring(0, email.value().indexOf('@'));
        }
        return "Viewer " + phone.value().substring(phone.value().length() - 4);
    }
}

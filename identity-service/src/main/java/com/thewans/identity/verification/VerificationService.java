package com.thewans.identity.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.events.DomainEvents;
import com.thewans.identity.account.AccountNotFound;
import com.thewans.identity.account.AccountRegistered;
import com.thewans.identity.account.Contact;
import com.thewans.identity.account.ContactChannel;
import com.thewans.identity.account.EmailAddress;
import com.thewans.identity.account.PhoneNumber;
import com.thewans.identity.account.UserAccount;
import com.thewans.identity.account.UserAccountRepository;
import com.thewans.identity.web.Throttled;

/** Proving that an account's email or phone reaches its owner. */
@Service
public class VerificationService {

    static final String EVENT = "identity.verification_requested";

    record Requested(ContactChannel channel, String destination, Instant expiresAt) {
    }

    private final UserAccountRepository users;
    private final OneTimeCodes codes;
    private final DomainEvents events;
    private final CodeSettings settings;
    private final Clock clock;

    VerificationService(UserAccountRepository users, OneTimeCodes codes, DomainEvents events, CodeSettings settings,
            Clock clock) {
        this.users = users;
        this.codes = codes;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new account is sent a code for each way it can be reached, in its own transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onRegistered(AccountRegistered registered) {
        sendCodesToNewAccount(registered.account());
    }

    private void sendCodesToNewAccount(UserAccount account) {
        if (account.email() != null) {
            send(account.id(), Contact.email(new EmailAddress(account.email())));
        }
        if (account.phone() != null) {
            send(account.id(), Contact.phone(new PhoneNumber(account.phone())));
        }
    }

    @Transactional
    Requested request(UUID userId, ContactChannel channel) {
        UserAccount account = users.findById(userId).orElseThrow(AccountNotFound::new);
        String destination = channel == ContactChannel.EMAIL ? account.email() : account.phone();
        if (destination == null) {
            String what = channel == ContactChannel.EMAIL ? "email" : "phone number";
            throw new NoSuchContact(what);
        }
        if (channel == ContactChannel.EMAIL ? account.emailVerified() : account.phoneVerified()) {
            throw new AlreadyVerified();
        }
        if (!codes.withinRequestQuota(userId, CodePurpose.VERIFY_CONTACT, channel)) {
            throw new Throttled("too-many-code-requests", "Too many codes requested; wait before asking again",
                    settings.requestWindow());
        }
        Contact contact = new Contact(channel, destination);
        Instant expiresAt = send(userId, contact);
        return new Requested(channel, destination, expiresAt);
    }

    /** A wrong code still counts as an attempt, so this commits even when it refuses. */
    @Transactional(noRollbackFor = InvalidCode.class)
    void confirm(String destination, String code) {
        Contact contact = Contact.parse(destination);
        UserAccount account = users.findByContact(contact).orElseThrow(InvalidCode::new);
        if (!codes.redeem(account.id(), CodePurpose.VERIFY_CONTACT, contact, code)) {
            throw new InvalidCode();
        }
        if (contact.channel() == ContactChannel.EMAIL) {
            account.confirmEmail(contact.value(), clock.instant());
        } else {
            account.confirmPhone(contact.value(), clock.instant());
        }
    }

    private Instant send(UUID userId, Contact contact) {
        OneTimeCodes.Issued issued = codes.issue(userId, CodePurpose.VERIFY_CONTACT, contact);
        events.publish(EVENT, new CodeRequested(userId, contact.channel(), contact.value(), issued.code(),
                issued.expiresAt()));
        return issued.expiresAt();
    }
}

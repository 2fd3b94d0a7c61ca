package com.thewans.identity.profile;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.identity.account.AccountNotFound;
import com.thewans.identity.account.AccountRegistered;
import com.thewans.identity.account.UserAccountRepository;

@Service
public class ProfileService {

    private final ProfileRepository profiles;
    private final UserAccountRepository users;
    private final Clock clock;

    ProfileService(ProfileRepository profiles, UserAccountRepository users, Clock clock) {
        this.profiles = profiles;
        this.users = users;
        this.clock = clock;
    }

    /** Every new account starts with a profile, created in the account's own transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onRegistered(AccountRegistered registered) {
        createFor(registered.account().id(), registered.displayName());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void createFor(UUID userId, String displayName) {
        String name = displayName == null || displayName.isBlank() ? "Viewer" : displayName.strip();
        profiles.save(Profile.createFor(userId, name.length() > 80 ? name.substring(0, 80) : name, clock.instant()));
    }

    @Transactional(readOnly = true)
    ProfileController.ProfileResponse of(UUID userId) {
        return profiles.findById(userId).orElseGet(() -> Profile.createFor(userId, "Viewer", clock.instant())).view();
    }

    @Transactional
    ProfileController.ProfileResponse replace(UUID userId, ProfileController.ProfileRequest changes) {
        if (!users.existsById(userId)) {
            // a service token, or an account deleted since the token was issued
            throw new AccountNotFound();
        }
        Profile profile = profiles.findById(userId)
                .orElseGet(() -> profiles.save(Profile.createFor(userId, changes.displayName(), clock.instant())));
        profile.replaceWith(changes, clock.instant());
        return profile.view();
    }
}

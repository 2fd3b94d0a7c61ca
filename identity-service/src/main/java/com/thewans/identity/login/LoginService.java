package com.thewans.identity.login;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.thewans.identity.account.Contact;
import com.thewans.identity.account.PasswordHasher;
import com.thewans.identity.account.UserAccount;
import com.thewans.identity.account.UserAccountRepository;
import com.thewans.identity.device.DeviceDetails;
import com.thewans.identity.session.SessionService;
import com.thewans.identity.session.SignInMethod;
import com.thewans.identity.session.SignedIn;
import com.thewans.identity.web.ClientOrigin;

/**
 * Password sign-in. The password is checked outside any transaction (it takes tens of
 * milliseconds and needs no connection); an unknown account costs the same hash as a known one,
 * and both answer the same problem.
 */
@Service
class LoginService {

    private final UserAccountRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionService sessions;

    LoginService(UserAccountRepository users, PasswordHasher hasher, LoginThrottle throttle, SessionService sessions) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    SignedIn login(Contact contact, String password, DeviceDetails device, UUID replaceDeviceId, ClientOrigin origin) {
        String accountKey = LoginThrottle.accountKey(contact.value());
        throttle.ensureAllowed(accountKey, origin.ipAddress());
        Optional<UserAccount> user = users.findByContact(contact);
        boolean matches;
        if (user.isPresent()) {
            matches = hasher.matches(password, user.get().passwordHash());
        } else {
            hasher.matchNothing(password);
            matches = false;
        }
        if (!matches) {
            throttle.failed(accountKey, origin.ipAddress());
            throw new InvalidCredentials();
        }
        throttle.succeeded(accountKey);
        return sessions.signIn(user.get().id(), device, replaceDeviceId, SignInMethod.PASSWORD, origin);
    }

    /** Redis keys name the account by a hash, not by the email or phone itself. */
}

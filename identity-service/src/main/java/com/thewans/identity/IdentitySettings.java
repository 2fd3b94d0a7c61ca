package com.thewans.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.thewans.identity.login.LoginThrottleSettings;
import com.thewans.identity.serviceidentity.ServiceIdentitySettings;
import com.thewans.identity.token.TokenSettings;
import com.thewans.identity.verification.CodeSettings;
import com.thewans.identity.wallet.WalletSettings;

/**
 * identity-service's own settings, {@code wans.identity.*} in application.yml, bound and checked
 * once at start. Each feature is given only its own part (see {@link IdentityApplication}).
 *
 * @param tokens            lifetimes of access, refresh and service tokens
 * @param loginThrottle     how failed sign-ins lock an account or an address
 * @param oneTimeCodes      codes that verify contacts and reset passwords
 * @param wallet            what a Sign-In with Ethereum message must say
 * @param serviceIdentities the services that may get tokens of their own
 */
@ConfigurationProperties("wans.identity")
public record IdentitySettings(TokenSettings tokens, LoginThrottleSettings loginThrottle, CodeSettings oneTimeCodes,
        WalletSettings wallet, ServiceIdentitySettings serviceIdentities) {

    public IdentitySettings {
        if (tokens == null || loginThrottle == null || oneTimeCodes == null || wallet == null) {
            throw new IllegalStateException("wans.identity needs tokens, login-throttle, one-time-codes and wallet");
        }
        serviceIdentities = serviceIdentities == null ? new ServiceIdentitySettings(null) : serviceIdentities;
    }
}

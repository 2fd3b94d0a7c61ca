package com.thewans.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.thewans.identity.login.LoginThrottleSettings;
import com.thewans.identity.serviceidentity.ServiceIdentitySettings;
import com.thewans.identity.token.TokenSettings;
import com.thewans.identity.verification.CodeSettings;
import com.thewans.identity.wallet.WalletSettings;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }

    // each feature is given its own part of the one settings record

    @Bean
    TokenSettings tokenSettings(IdentitySettings settings) {
        return settings.tokens();
    }

    @Bean
    LoginThrottleSettings loginThrottleSettings(IdentitySettings settings) {
        return settings.loginThrottle();
    }

    @Bean
    CodeSettings codeSettings(IdentitySettings settings) {
        return settings.oneTimeCodes();
    }

    @Bean
    WalletSettings walletSettings(IdentitySettings settings) {
        return settings.wallet();
    }

    @Bean
    ServiceIdentitySettings serviceIdentitySettings(IdentitySettings settings) {
        return settings.serviceIdentities();
    }
}

package com.thewans.identity.account;

import static com.thewans.identity.IdentityApi.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import com.thewans.common.audit.AuditLog;
import com.thewans.identity.IdentityApi;
import com.thewans.identity.IdentityTestSupport;

class FirstAdministratorTest extends IdentityTestSupport {

    @Autowired
    UserAccountRepository users;
    @Autowired
    PasswordPolicy policy;
    @Autowired
    PasswordHasher hasher;
    @Autowired
    AuditLog audit;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    private FirstAdministrator configuredWith(String email) {
        return new FirstAdministrator(users, policy, hasher, audit, transactions, clock, email, PASSWORD);
    }

    @Test
    void aNewInstallationGetsItsFirstAdministratorFromConfigurationAndOnlyOnce() {
        jdbc.update("update users set roles = 'VIEWER' where roles like '%ADMIN%'");
        String email = IdentityApi.uniqueEmail();

        configuredWith(email).run(null);

        var admin = api.login(email);
        assertThat(admin.body().toString()).contains("ADMIN");
        assertThat(jdbc.queryForObject("select roles from users where email = ?", String.class, email))
                .isEqualTo("ADMIN,VIEWER");
        assertThat(jdbc.queryForObject("select email_verified_at is not null from users where email = ?",
                Boolean.class, email)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'identity.first_admin_granted'"
                + " and target = ?", Integer.class, admin.userId().toString())).isEqualTo(1);

        // demoted by another administrator later: a restart with the same setting must not undo that
        newAdmin();
        jdbc.update("update users set roles = 'VIEWER' where email = ?", email);
        configuredWith(email).run(null);
        assertThat(jdbc.queryForObject("select roles from users where email = ?", String.class, email))
                .isEqualTo("VIEWER");
    }

    @Test
    void anExistingAccountIsPromotedRatherThanDuplicated() {
        String email = api.registerEmail();
        jdbc.update("update users set roles = 'VIEWER' where roles like '%ADMIN%'");

        configuredWith(email).run(null);

        assertThat(jdbc.queryForObject("select count(*) from users where email = ?", Integer.class, email)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select roles from users where email = ?", String.class, email))
                .isEqualTo("ADMIN,VIEWER");
    }
}

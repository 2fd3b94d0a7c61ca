package com.thewans.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.thewans.testkit.TestInfrastructure;

/** A service's role can touch its own schema and nothing else, enforced by PostgreSQL itself. */
class DataIsolationTest {

    static TestInfrastructure infra;

    @BeforeAll
    static void provisionTwoServices() throws SQLException {
        infra = TestInfrastructure.get();
        infra.provision("payment_iso");
        infra.provision("catalog_iso");
        try (Connection c = infra.dataSource("payment_iso", TestInfrastructure.TEST_PASSWORD).getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table if not exists card_token (id int primary key, token text)");
            s.execute("insert into card_token values (1, 'tok_visa') on conflict do nothing");
        }
    }

    private static Statement as(String role) throws SQLException {
        return infra.dataSource(role, TestInfrastructure.TEST_PASSWORD).getConnection().createStatement();
    }

    @Test
    void aServiceWorksInItsOwnSchemaWithoutQualifyingNames() throws SQLException {
        try (Statement s = as("payment_iso"); var rs = s.executeQuery("select token from card_token where id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("tok_visa");
        }
    }

    @Test
    void anotherServiceCannotReadIt() throws SQLException {
        try (Statement s = as("catalog_iso")) {
            assertThatThrownBy(() -> s.executeQuery("select * from payment_iso.card_token"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void anotherServiceCannotWriteOrCreateThere() throws SQLException {
        try (Statement s = as("catalog_iso")) {
            assertThatThrownBy(() -> s.executeUpdate("insert into payment_iso.card_token values (2, 'stolen')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("delete from payment_iso.card_token"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("create table payment_iso.backdoor (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void noServiceCanUseThePublicSchemaAsASharedDrop() throws SQLException {
        try (Statement s = as("catalog_iso")) {
            assertThatThrownBy(() -> s.execute("create table public.shared_drop (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void provisioningTwiceConvergesAndRejectsUnsafeNames() {
        new SchemaProvisioner(infra.adminDataSource()).provision("payment_iso", "payment_iso",
                TestInfrastructure.TEST_PASSWORD);
        assertThatThrownBy(() -> new SchemaProvisioner(infra.adminDataSource())
                .provision("x; drop schema payment_iso", "x", "pw")).isInstanceOf(IllegalArgumentException.class);
    }
}

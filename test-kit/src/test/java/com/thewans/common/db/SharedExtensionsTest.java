package com.thewans.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.thewans.testkit.TestInfrastructure;

/** Every service role may call pg_trgm and unaccent in the shared extensions schema, and nothing more. */
class SharedExtensionsTest {

    static TestInfrastructure infra;

    @BeforeAll
    static void provision() {
        infra = TestInfrastructure.get();
        infra.provision("search_ext");
    }

    private static Statement asService() throws SQLException {
        return infra.dataSource("search_ext", TestInfrastructure.TEST_PASSWORD).getConnection().createStatement();
    }

    @Test
    void aServiceRoleCallsTrigramAndUnaccentFunctionsSchemaQualified() throws SQLException {
        try (Statement s = asService(); var rs = s.executeQuery("""
                select extensions.similarity('mount hagen show', 'mt hagn show') > 0.2,
                       extensions.unaccent('extensions.unaccent'::regdictionary, 'Café Pōria')""")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getString(2)).isEqualTo("Cafe Poria");
        }
    }

    @Test
    void aServiceRoleCannotCreateAnythingInTheSharedSchema() throws SQLException {
        try (Statement s = asService()) {
            assertThatThrownBy(() -> s.execute("create table extensions.stash (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }
}

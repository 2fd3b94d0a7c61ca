package com.thewans.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The embedded PostgreSQL and Redis keep their data across a stop and a start. */
class InfrastructureTest {

    @TempDir
    Path baseDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        // ports from the free-port finder, so this runs beside a developer's stack
        int offset = Math.min(Ports.freePort(), 60000) - Infrastructure.REDIS_PORT;
        StackOptions options = StackOptions.builder().baseDir(baseDir)
                .portOffset(Math.max(0, Math.min(offset, StackOptions.MAX_PORT_OFFSET))).build();
        var components = EnumSet.of(Infrastructure.Component.POSTGRES, Infrastructure.Component.REDIS);

        try (Infrastructure infra = new Infrastructure(options, components)) {
            Ports.requireFree(infra.claims());
            infra.startPostgres();
            infra.startRedis();
            infra.provision(List.of("catalog"));
            try (Connection c = asServiceRole(infra, "catalog"); Statement s = c.createStatement()) {
                s.execute("create table film (title text)");
                s.execute("insert into film values ('Tukana')");
            }
            assertThat(redis(infra.redisPort(), "SET", "film:1", "Tukana")).startsWith("+OK");
        }

        try (Infrastructure infra = new Infrastructure(options, components)) {
            assertThat(Ports.isFree(infra.postgresPort())).as("PostgreSQL stopped").isTrue();
            infra.startPostgres();
            infra.startRedis();
            infra.provision(List.of("catalog"));
            try (Connection c = asServiceRole(infra, "catalog"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select title from film")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Tukana");
            }
            assertThat(redis(infra.redisPort(), "GET", "film:1")).contains("Tukana");
            assertThat(infra.members()).extracting(Member::name).containsExactly("postgres", "redis", "s3", "smtp");
            assertThat(infra.members().get(0).pid()).as("postmaster pid recorded for stale clean-up").isPositive();
        }
    }

    private static Connection asServiceRole(Infrastructure infra, String schema) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(infra.jdbcUrl());
        ds.setUser(schema);
        ds.setPassword("dev-only-" + schema);
        return ds.getConnection();
    }

    private static String redis(int port, String... command) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            StringBuilder resp = new StringBuilder("*" + command.length + "\r\n");
            for (String part : command) {
                resp.append('$').append(part.length()).append("\r\n").append(part).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[256];
            int n = in.read(buffer);
            return new String(buffer, 0, n, StandardCharsets.UTF_8);
        }
    }
}

package com.thewans.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Gives a service its own schema and login role, run with an administrator connection by the
 * local stack, the test support and the Kubernetes init job alike. The role owns its schema and
 * nothing else; PUBLIC loses its default rights on the public schema, so no role can read or write
 * any schema but its own. Safe to run again: it converges instead of failing.
 */
public final class SchemaProvisioner {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** The shared schema of extension functions (pg_trgm for typo-tolerant search, unaccent). */
    public static final String EXTENSIONS_SCHEMA = "extensions";
    static final java.util.List<String> SHARED_EXTENSIONS = java.util.List.of("pg_trgm", "unaccent");

    private final DataSource admin;

    public SchemaProvisioner(DataSource admin) {
        this.admin = admin;
    }

    public void provision(String schema, String role, String password) {
        requireIdentifier(schema);
        requireIdentifier(role);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("A database role needs a password: " + role);
        }
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            String database = c.getCatalog();
            // serialise concurrent provisioners (parallel test JVMs, two init jobs) on one lock
            s.execute("select pg_advisory_lock(7350001)");
            try {
                boolean exists;
                try (var rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
                    exists = rs.next();
                }
                String quotedPassword = "'" + password.replace("'", "''") + "'";
                s.execute((exists ? "alter role " : "create role ") + role + " login password " + quotedPassword);
                s.execute("alter role " + role + " set search_path = " + schema);
                s.execute("create schema if not exists " + schema + " authorization " + role);
                s.execute("revoke all on schema public from public");
                s.execute("grant connect on database \"" + database.replace("\"", "") + "\" to " + role);
                sharedExtensions(s, role);
            } finally {
                s.execute("select pg_advisory_unlock(7350001)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not provision schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /**
     * Extensions a service cannot create itself (it is no superuser and must not touch public)
     * live once in the shared {@code extensions} schema: functions and operators only, no data,
     * usable by every service role and writable by none. Services call them schema-qualified
     * ({@code extensions.similarity(...)}). An extension the server does not ship is skipped, so
     * provisioning still works on a bare PostgreSQL.
     */
    private static void sharedExtensions(Statement s, String role) throws SQLException {
        s.execute("create schema if not exists " + EXTENSIONS_SCHEMA);
        s.execute("revoke all on schema " + EXTENSIONS_SCHEMA + " from public");
        for (String extension : SHARED_EXTENSIONS) {
            boolean available;
            try (var rs = s.executeQuery("select 1 from pg_available_extensions where name = '" + extension + "'")) {
                available = rs.next();
            }
            if (available) {
                s.execute("create extension if not exists " + extension + " schema " + EXTENSIONS_SCHEMA);
            }
        }
        s.execute("grant usage on schema " + EXTENSIONS_SCHEMA + " to " + role);
    }

    /** Extensions are created by the administrator (they need more rights than a service role has). */
    public void extension(String schema, String extension) {
        requireIdentifier(schema);
        requireIdentifier(extension);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists " + extension + " schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create extension " + extension + ": " + e.getMessage(), e);
        }
    }

    private static void requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe schema or role name: " + name);
        }
    }
}

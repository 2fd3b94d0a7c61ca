package com.thewans.common.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Instants in and out of JDBC, null-safe: {@code timestamptz} columns hold UTC instants and the
 * JDBC driver speaks {@link Timestamp}. One place instead of a private {@code ts(...)} per class.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The parameter for a {@code timestamptz} column; null stays null. */
    public static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The instant in a {@code timestamptz} column; SQL NULL is null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

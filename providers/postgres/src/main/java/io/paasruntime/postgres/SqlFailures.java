package io.paasruntime.postgres;

import io.paasruntime.spi.ProviderException;

import java.sql.SQLException;

/**
 * Turns a JDBC failure into the provider error it means. Messages name what was being done and
 * PostgreSQL's first line; no statement holds a password (see {@link AddonSql#setPassword}), so none
 * can leak through a server message.
 */
final class SqlFailures {
    private SqlFailures() {
    }

    static ProviderException translate(String action, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = firstLine(e.getMessage());
        if (state.equals("42710") || state.equals("42P04")) {
            return ProviderException.conflict(action + ": " + reason);
        }
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300") || state.startsWith("28")) {
            return ProviderException.unavailable("the database server is unavailable (" + action + "): " + reason, e);
        }
        // permission problems, disk full, timeouts: the operator must act or a retry may work later
        return ProviderException.unavailable("the database server refused to " + action + ": " + reason, e);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

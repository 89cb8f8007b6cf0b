package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ProviderException;
import org.postgresql.util.PSQLException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;

/**
 * Turns database failures into the SPI's {@link ProviderException} kinds. Messages are written
 * here, never copied from the driver, so no value (and so no secret) of a row ever reaches a client.
 */
final class SqlErrors {
    /** Unique constraints (named in V1__initial.sql) and what a clash on them means. */
    private static final Map<String, String> CONFLICTS = Map.of(
            "tenants_name_key", "a tenant with this name already exists",
            "users_email_key", "a user with this email already exists",
            "apps_live_name_key", "an app with this name already exists",
            "releases_app_version_key", "the app already has a release with this version",
            "addons_tenant_name_key", "an add-on with this name already exists");

    private SqlErrors() {
    }

    static ProviderException translate(RuntimeException failure) {
        if (failure instanceof ProviderException known) {
            return known;
        }
        Optional<SQLException> sql = sqlCause(failure);
        if (sql.isEmpty()) {
            return ProviderException.internal("the state store failed", failure);
        }
        SQLException e = sql.get();
        String state = Optional.ofNullable(e.getSQLState()).orElse("");
        if (state.equals("23505")) {
            String constraint = constraint(e).orElse("");
            return new ProviderException(ProviderException.Kind.CONFLICT, null,
                    CONFLICTS.getOrDefault(constraint, constraint.endsWith("_pkey")
                            ? "a record with this id already exists" : "this clashes with existing data"), failure);
        }
        if (state.equals("23503")) {
            String constraint = constraint(e).orElse("");
            String owner = constraint.contains("_app_id_") ? "app" : constraint.contains("_tenant_id_") ? "tenant" : "record";
            return new ProviderException(ProviderException.Kind.NOT_FOUND, null, "the " + owner + " does not exist", failure);
        }
        if (state.equals("23502") || state.equals("23514")) {
            return new ProviderException(ProviderException.Kind.INVALID, null, "a value is missing or out of range", failure);
        }
        if (state.equals("22021") || state.equals("22P05")) {
            return new ProviderException(ProviderException.Kind.INVALID, null,
                    "a text value holds a character the database cannot store (such as NUL)", failure);
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return new ProviderException(ProviderException.Kind.CONFLICT, null,
                    "a concurrent change got in the way; retry", failure);
        }
        if (isUnavailable(e, state)) {
            return ProviderException.unavailable("the state store database is unreachable", failure);
        }
        return ProviderException.internal("a state store query failed (SQLState " + state + ")", failure);
    }

    /** Connection classes (08), server shutting down (57P0x), too many connections (53300), a closed pool. */
    private static boolean isUnavailable(SQLException e, String state) {
        return e instanceof SQLTransientConnectionException
                || state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                || (state.isEmpty() && String.valueOf(e.getMessage()).contains("has been closed"));
    }

    private static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> constraint(SQLException e) {
        if (e instanceof PSQLException pg && pg.getServerErrorMessage() != null) {
            return Optional.ofNullable(pg.getServerErrorMessage().getConstraint());
        }
        return Optional.empty();
    }
}

package io.paasruntime.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Where and as whom the store connects: for its pool and for the cache listener's own connection.
 * {@link #toString()} hides the password.
 */
record DatabaseLogin(String url, Optional<String> user, Optional<String> password) {

    /** One connection outside the pool, named {@code applicationName} in {@code pg_stat_activity}. */
    Connection connect(String applicationName) throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        // The driver itself, not DriverManager: providers may live in a class loader of their own.
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL");
        }
        return connection;
    }

    @Override
    public String toString() {
        return "DatabaseLogin[url=" + url.replaceAll("(?i)password=[^&]*", "password=****") + ", user="
                + user.orElse("") + ", password=" + (password.isPresent() ? "****" : "") + "]";
    }
}

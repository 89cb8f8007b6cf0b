package io.paasruntime.postgres;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.ProviderException;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Where add-on databases are created and how to log in there as an administrator, plus the host
 * name apps are given in their URLs. {@link #toString()} hides the password.
 *
 * @param jdbcUrl    admin connection, e.g. {@code jdbc:postgresql://db.internal:5432/postgres}
 * @param host       the server's host as the admin URL names it
 * @param port       the server's port
 * @param publicHost the host put in add-on URLs (apps may reach the server under another name)
 */
record AdminServer(String jdbcUrl, String user, String password, String host, int port, String publicHost) {

    /** Seconds to wait for a connection before calling the server unavailable. */
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    /** Upper bound for one statement (a forced DROP DATABASE waits for sessions to end). */
    private static final int SOCKET_TIMEOUT_SECONDS = 120;

    /** The configured server, else the embedded one, else an {@code INVALID} error naming the setting. */
    static AdminServer from(ProviderConfig config, ProviderContext context) {
        Optional<String> url = config.get(PostgresDatabaseProviderFactory.ADMIN_URL);
        Optional<String> publicHost = config.get(PostgresDatabaseProviderFactory.PUBLIC_HOST);
        if (url.isPresent()) {
            Properties parsed = Driver.parseURL(url.get(), new Properties());
            if (parsed == null) {
                throw ProviderException.invalid("databases.admin-url",
                        "databases.admin-url must be a JDBC URL like jdbc:postgresql://host:5432/postgres");
            }
            String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
            int port = Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
            String user = config.get(PostgresDatabaseProviderFactory.ADMIN_USER)
                    .or(() -> Optional.ofNullable(parsed.getProperty("user")))
                    .orElseThrow(() -> ProviderException.invalid("databases.admin-user",
                            "databases.admin-user is required with databases.admin-url"));
            String password = config.get(PostgresDatabaseProviderFactory.ADMIN_PASSWORD)
                    .or(() -> Optional.ofNullable(parsed.getProperty("password")))
                    .orElse("");
            return new AdminServer(url.get(), user, password, host, port, publicHost.orElse(host));
        }
        if (config.get(PostgresDatabaseProviderFactory.ADMIN_USER).isPresent()
                || config.get(PostgresDatabaseProviderFactory.ADMIN_PASSWORD).isPresent()) {
            throw ProviderException.invalid("databases.admin-url",
                    "databases.admin-user and databases.admin-password need databases.admin-url");
        }
        ProviderContext.PostgresServer embedded = context.embeddedPostgres().orElseThrow(() ->
                ProviderException.invalid("databases.admin-url", "no PostgreSQL server for database add-ons:"
                        + " set databases.admin-url (with admin-user and admin-password), or run the state store"
                        + " on the embedded PostgreSQL"));
        return new AdminServer(embedded.jdbcUrl("postgres"), embedded.superuser(), embedded.password(),
                embedded.host(), embedded.port(), publicHost.orElse(embedded.host()));
    }

    /** A new admin session; each operation uses its own, so nothing is pooled while idle. */
    Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        props.setProperty("ApplicationName", "paas-runtime-addons");
        return DriverManager.getConnection(jdbcUrl, props);
    }

    @Override
    public String toString() {
        return "AdminServer[" + user + "@" + host + ":" + port + ", public host " + publicHost + "]";
    }
}

package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;

import java.util.List;
import java.util.Optional;

/**
 * The {@code store} section, checked. {@link #toString()} hides the password.
 *
 * @param url          JDBC URL of an external database; empty runs the embedded server
 * @param embeddedPort the embedded server's port; empty keeps the one chosen at the first start
 * @param cache        whether single apps and releases are read through the in-memory {@link ReadCache}
 */
record JdbcStoreSettings(Optional<String> url, Optional<String> user, Optional<String> password, int poolSize,
                         Optional<Integer> embeddedPort, boolean cache) {

    static final List<ConfigKey> KEYS = List.of(
            ConfigKey.optional("url", "JDBC URL of an external PostgreSQL database, e.g."
                    + " jdbc:postgresql://db:5432/paas; absent: an embedded PostgreSQL in the data directory"),
            ConfigKey.optional("user", "database user of the external database"),
            ConfigKey.optional("password", "database password of the external database").asSecret(),
            ConfigKey.of("pool-size", "10", "most connections the store opens"),
            ConfigKey.optional("embedded.port", "loopback port of the embedded PostgreSQL; absent: a free port"
                    + " chosen at the first start and kept in the data directory"),
            ConfigKey.of("cache", "true", "keep apps and releases read by id or name in memory (at most "
                    + ReadCache.MAX_ENTRIES + " of each), invalidated on every write, also by other runtimes on the"
                    + " same database through LISTEN/NOTIFY on an extra connection; false: every read asks the"
                    + " database"));

    static JdbcStoreSettings from(ProviderConfig config) {
        Optional<String> url = config.get("url").filter(u -> !u.isBlank()).map(String::trim);
        if (url.isPresent() && !url.get().startsWith("jdbc:postgresql:")) {
            throw ProviderException.invalid("store.url", "store.url must be a PostgreSQL JDBC URL (jdbc:postgresql://…)");
        }
        Optional<String> user = config.get("user");
        Optional<String> password = config.get("password");
        Optional<Integer> port = config.get("embedded.port").map(p -> config.getInt("embedded.port"));
        if (url.isEmpty() && (user.isPresent() || password.isPresent())) {
            throw ProviderException.invalid("store.user", "store.user and store.password apply to an external"
                    + " database only: set store.url too, or remove them to use the embedded PostgreSQL");
        }
        if (url.isPresent() && port.isPresent()) {
            throw ProviderException.invalid("store.embedded.port", "store.embedded.port applies to the embedded"
                    + " PostgreSQL only, but store.url names an external database");
        }
        if (port.isPresent() && (port.get() < 1 || port.get() > 65535)) {
            throw ProviderException.invalid("store.embedded.port", "store.embedded.port must be between 1 and 65535");
        }
        int poolSize = config.getInt("pool-size");
        if (poolSize < 2 || poolSize > 500) {
            // Two at least: exclusively() holds one connection while its job uses another.
            throw ProviderException.invalid("store.pool-size", "store.pool-size must be between 2 and 500");
        }
        return new JdbcStoreSettings(url, user, password, poolSize, port, config.getBoolean("cache"));
    }

    @Override
    public String toString() {
        return "JdbcStoreSettings[url=" + url.map(u -> u.replaceAll("(?i)password=[^&]*", "password=****")).orElse("embedded")
                + ", user=" + user.orElse("") + ", password=" + (password.isPresent() ? "****" : "")
                + ", poolSize=" + poolSize + ", embeddedPort=" + embeddedPort.map(String::valueOf).orElse("auto")
                + ", cache=" + cache + "]";
    }
}

package io.paasruntime.postgres;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.database.DatabaseProvider;
import io.paasruntime.spi.database.DatabaseProviderFactory;

import java.time.Duration;
import java.util.List;

/**
 * Database add-ons on PostgreSQL (config section {@code databases}). Without {@code admin-url} the
 * add-ons live on the runtime's embedded PostgreSQL, next to (but locked out of) the store's database.
 * Creating the provider does not connect: a server that is down makes add-on calls answer
 * {@code UNAVAILABLE}, not the runtime fail to start.
 */
public final class PostgresDatabaseProviderFactory implements DatabaseProviderFactory {
    public static final String ID = "postgres";
    static final String ADMIN_URL = "admin-url";
    static final String ADMIN_USER = "admin-user";
    static final String ADMIN_PASSWORD = "admin-password";
    static final String PUBLIC_HOST = "public-host";
    private static final Duration CLEANUP_RETRY = Duration.ofSeconds(15);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(
                ConfigKey.optional(ADMIN_URL, "JDBC URL of the PostgreSQL server add-ons are created on"
                        + " (default: the embedded server)"),
                ConfigKey.optional(ADMIN_USER, "role with CREATEROLE and CREATEDB (or superuser) on that server"),
                ConfigKey.optional(ADMIN_PASSWORD, "password of the admin role").asSecret(),
                ConfigKey.optional(PUBLIC_HOST, "host name apps use to reach the server (default: the admin URL's host)"));
    }

    @Override
    public DatabaseProvider create(ProviderConfig config, ProviderContext context) {
        AdminServer server = AdminServer.from(config, context);
        return new PostgresDatabaseProvider(server, context.clock(), new Leftovers(server, context.clock(), CLEANUP_RETRY));
    }
}

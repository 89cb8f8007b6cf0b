package io.paasruntime.postgres;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.database.DatabaseProvider;
import io.paasruntime.tck.TestProviderContext;
import io.paasruntime.tck.database.DatabaseProviderContractTest;
import io.paasruntime.tck.postgres.SystemPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/**
 * The contract against a system PostgreSQL given as the operator's server ({@code databases.admin-url}).
 * The embedded-server default is the same code on a zonky server; the server module's end-to-end
 * test covers it (this module may not depend on the store that starts it).
 */
class PostgresDatabaseProviderContractTest extends DatabaseProviderContractTest {
    private static SystemPostgres postgres;
    private static DatabaseProvider provider;

    @BeforeAll
    static void startServer(@TempDir Path dataDir) {
        postgres = SystemPostgres.start();
        PostgresDatabaseProviderFactory factory = new PostgresDatabaseProviderFactory();
        provider = factory.create(ProviderConfig.of("databases", Map.of(
                "admin-url", postgres.jdbcUrl("postgres"),
                "admin-user", postgres.superuser(),
                "admin-password", postgres.password()), factory.configKeys()), TestProviderContext.of(dataDir));
    }

    @AfterAll
    static void stopServer() {
        if (provider != null) {
            provider.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected DatabaseProvider provider() {
        return provider;
    }
}

package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.StateStore;
import io.paasruntime.spi.store.Tenant;
import io.paasruntime.tck.postgres.SystemPostgres;
import io.paasruntime.tck.store.StateStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on an external PostgreSQL given by URL, user and password. */
class ExternalStoreContractTest extends StateStoreContractTest {
    @TempDir
    static Path dataDir;
    private static SystemPostgres postgres;
    private static StateStore store;

    @BeforeAll
    static void start() {
        postgres = SystemPostgres.start();
        store = TestStores.open(dataDir, Map.of("url", postgres.jdbcUrl("postgres"), "user", postgres.superuser(),
                "password", postgres.password(), "pool-size", "4"));
    }

    @AfterAll
    static void stop() {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            postgres.close();
        }
    }

    @Override
    protected StateStore store() {
        return store;
    }

    @Test
    void aSecondRuntimeOnTheSameDatabaseSeesTheDataButNotARunningJob() throws Exception {
        Tenant tenant = newTenant();
        try (StateStore second = TestStores.open(dataDir, Map.of("url", postgres.jdbcUrl("postgres"),
                "user", postgres.superuser(), "password", postgres.password(), "pool-size", "2"))) {
            assertThat(second.tenants().findById(tenant.id())).contains(tenant);
            Optional<Optional<String>> secondsTry = store.exclusively("purge", () -> second.exclusively("purge", () -> "twice"));
            assertThat(secondsTry).contains(Optional.empty());
            assertThat(second.exclusively("purge", () -> "after")).contains("after");
        }
    }

    @Test
    void anExternalDatabaseStartsNoServerOfItsOwn() {
        assertThat(store.embeddedServer()).isEmpty();
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }
}

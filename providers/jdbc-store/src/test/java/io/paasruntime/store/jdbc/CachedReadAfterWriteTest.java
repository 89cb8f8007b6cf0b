package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.App;
import io.paasruntime.store.jdbc.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads after writes with the cache on (the default), plus what only a cache has: reads served from
 * memory, and a listener that can lose its connection.
 */
class CachedReadAfterWriteTest extends ReadAfterWriteTest {

    @BeforeAll
    static void start() {
        open("true");
        within10Seconds(() -> ((JdbcStateStore) store).cacheServing() && ((JdbcStateStore) replica).cacheServing(),
                "both caches serving");
    }

    @Test
    void aCachedAppIsServedFromMemoryButATransactionReadsTheDatabase() throws SQLException {
        App app = newApp(newTenant(), "memorised");
        readEverywhere(app);

        renameUnheard(app, "renamed-unheard");

        assertThat(store.apps().findById(app.tenantId(), app.id())).as("from the cache").contains(app);
        assertThat(store.transaction(tx -> tx.apps().findById(app.tenantId(), app.id())).map(App::name))
                .as("from the database").contains("renamed-unheard");
    }

    @Test
    void losingTheListenerConnectionEmptiesTheCacheUntilItReconnects() throws SQLException {
        App app = newApp(newTenant(), "before-outage");
        readEverywhere(app);
        renameUnheard(app, "during-outage");
        assertThat(replica.apps().findById(app.tenantId(), app.id())).as("still cached").contains(app);

        try (Connection connection = superuser(); Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'paas-cache-listener'");
        }

        eventually(() -> replica.apps().findById(app.tenantId(), app.id()).map(App::name).equals(Optional.of("during-outage")));
        // both stores' listeners were cut: wait for both, or the next test would meet a store whose
        // cache is still reconnecting (and empties itself once it is back)
        within10Seconds(() -> ((JdbcStateStore) replica).cacheServing() && ((JdbcStateStore) store).cacheServing(),
                "both caches serving again");
        App renamed = withName(app, "after-outage");
        replica.apps().findById(app.tenantId(), app.id());
        store.apps().update(renamed);
        eventually(() -> replica.apps().findById(app.tenantId(), app.id()).equals(Optional.of(renamed)));
    }

    /** Renames the app in the database with triggers off: no store hears of it. */
    private static void renameUnheard(App app, String name) throws SQLException {
        try (Connection connection = superuser()) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE apps SET name = ? WHERE id = ?")) {
                update.setString(1, name);
                update.setObject(2, app.id());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(EmbeddedPostgresServer.DATABASE), server.superuser(),
                server.password());
    }
}

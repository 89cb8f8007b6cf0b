package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.spi.store.StateStoreFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Smoke test: found by ServiceLoader, strict about its settings, starts with none and closes cleanly. */
class JdbcStateStoreFactoryTest {
    @TempDir
    Path dataDir;

    @Test
    void serviceLoaderFindsTheFactoryById() {
        assertThat(ServiceLoader.load(StateStoreFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(factory -> {
                    assertThat(factory.id()).isEqualTo("jdbc");
                    assertThat(factory).isInstanceOf(JdbcStateStoreFactory.class);
                    assertThat(factory.spiVersion()).isEqualTo(SpiVersion.CURRENT);
                });
    }

    @Test
    void anUnknownSettingIsRefused() {
        assertInvalid(Map.of("uri", "jdbc:postgresql://db/paas"), "store.uri");
    }

    @Test
    void inconsistentSettingsAreRefusedBeforeAnythingStarts() {
        assertInvalid(Map.of("pool-size", "1"), "store.pool-size");
        assertInvalid(Map.of("pool-size", "many"), "store.pool-size");
        assertInvalid(Map.of("url", "jdbc:mysql://db/paas"), "store.url");
        assertInvalid(Map.of("user", "paas", "password", "secret"), "store.user");
        assertInvalid(Map.of("url", "jdbc:postgresql://db/paas", "embedded.port", "5432"), "store.embedded.port");
        assertInvalid(Map.of("embedded.port", "70000"), "store.embedded.port");
        assertInvalid(Map.of("cache", "sometimes"), "store.cache");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void theSettingsNeverShowThePassword() {
        JdbcStoreSettings settings = JdbcStoreSettings.from(ProviderConfig.of("store", Map.of(
                "url", "jdbc:postgresql://db/paas?password=hunter2", "user", "paas", "password", "hunter2"),
                JdbcStoreSettings.KEYS));
        assertThat(settings.toString()).doesNotContain("hunter2").contains("paas");
        DatabaseLogin login = new DatabaseLogin("jdbc:postgresql://db/paas?password=hunter2", Optional.of("paas"),
                Optional.of("hunter2"));
        assertThat(login.toString()).doesNotContain("hunter2").contains("paas");
    }

    @Test
    void anUnreachableExternalDatabaseIsUnavailable() {
        int closedPort = LoopbackPorts.free();
        assertThatThrownBy(() -> TestStores.open(dataDir, Map.of("url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/paas",
                "user", "paas", "password", "hunter2")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).doesNotContain("hunter2");
                });
    }

    @Test
    void startsWithNoSettingsAndClosesCleanly() {
        StateStore store = TestStores.embedded(dataDir);
        int port = store.embeddedServer().orElseThrow().port();
        assertThat(store.tenants().findById(UUID.randomUUID())).isEmpty();

        store.close();
        store.close(); // idempotent

        assertThat(dataDir.resolve("postgres/pgdata/postmaster.pid")).doesNotExist();
        assertThat(LoopbackPorts.accepts(port)).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("the cache listener stopped").doesNotContain("paas-state-store-cache-listener");
        assertThatThrownBy(() -> store.tenants().findById(UUID.randomUUID()))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE));
    }

    private void assertInvalid(Map<String, String> settings, String field) {
        assertThatThrownBy(() -> TestStores.open(dataDir, settings))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
                    assertThat(e.getMessage()).contains(field);
                });
    }
}

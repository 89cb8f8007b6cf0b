package io.paasruntime.postgres;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.database.DatabaseProvider;
import io.paasruntime.spi.database.DatabaseProviderFactory;
import io.paasruntime.spi.database.DatabaseRequest;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Smoke: found by ServiceLoader, configured from the {@code databases} section, created without connecting. */
class PostgresDatabaseProviderFactoryTest {
    private final PostgresDatabaseProviderFactory factory = new PostgresDatabaseProviderFactory();
    @TempDir
    Path dataDir;

    private ProviderConfig config(Map<String, String> raw) {
        return ProviderConfig.of("databases", raw, factory.configKeys());
    }

    @Test
    void serviceLoaderFindsTheFactoryUnderItsId() {
        assertThat(ServiceLoader.load(DatabaseProviderFactory.class).stream().map(p -> p.get().id()))
                .contains(PostgresDatabaseProviderFactory.ID);
    }

    @Test
    void withoutAdminUrlOrEmbeddedServerCreationFailsNamingTheSetting() {
        assertThatThrownBy(() -> factory.create(config(Map.of()), TestProviderContext.of(dataDir)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
                    assertThat(e.field()).contains("databases.admin-url");
                });
    }

    @Test
    void adminCredentialsWithoutAdminUrlAreRefused() {
        assertThatThrownBy(() -> factory.create(config(Map.of("admin-user", "root")), TestProviderContext.of(dataDir)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.field()).contains("databases.admin-url"));
    }

    @Test
    void notAJdbcUrlIsRefused() {
        assertThatThrownBy(() -> factory.create(config(Map.of("admin-url", "postgres://h/db", "admin-user", "u")),
                TestProviderContext.of(dataDir))).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.field()).contains("databases.admin-url"));
    }

    @Test
    void defaultsToTheEmbeddedServerAndItsHost() {
        ProviderContext withServer = new ProviderContext() {
            @Override
            public Path dataDir() {
                return dataDir;
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public Optional<PostgresServer> embeddedPostgres() {
                return Optional.of(new PostgresServer("127.0.0.1", 54329, "postgres", "s3cret"));
            }
        };
        AdminServer server = AdminServer.from(config(Map.of()), withServer);

        assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:54329/postgres");
        assertThat(server.user()).isEqualTo("postgres");
        assertThat(server.publicHost()).isEqualTo("127.0.0.1");
        assertThat(server.toString()).doesNotContain("s3cret");
    }

    @Test
    void creationDoesNotConnectAndADeadServerAnswersUnavailable() {
        // port 1 on loopback: nothing listens there
        DatabaseProvider provider = factory.create(config(Map.of("admin-url", "jdbc:postgresql://127.0.0.1:1/postgres",
                "admin-user", "admin", "admin-password", "hunter2-admin")), TestProviderContext.of(dataDir));
        try {
            assertThat(provider.plans()).containsExactly("dev", "standard");
            assertThatThrownBy(() -> provider.provision(new DatabaseRequest(UUID.randomUUID(), "a", "b", "dev")))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
                        assertThat(e.getMessage()).doesNotContain("hunter2-admin");
                    });
        } finally {
            provider.close();
        }
    }

    @Test
    void publicHostReplacesTheAdminHostInUrls() {
        AdminServer server = AdminServer.from(config(Map.of("admin-url", "jdbc:postgresql://10.0.0.5:6543/postgres",
                "admin-user", "admin", "public-host", "db.apps.internal")), TestProviderContext.of(dataDir));

        assertThat(server.host()).isEqualTo("10.0.0.5");
        assertThat(server.port()).isEqualTo(6543);
        assertThat(server.publicHost()).isEqualTo("db.apps.internal");
        assertThat(AddonIdentity.of(UUID.fromString("00000000-0000-0000-0000-000000000001"))
                .url("p-w_d".toCharArray(), server.publicHost(), server.port()))
                .isEqualTo("postgres://addon_00000000000000000000000000000001:p-w_d@db.apps.internal:6543/"
                        + "addon_00000000000000000000000000000001");
    }
}

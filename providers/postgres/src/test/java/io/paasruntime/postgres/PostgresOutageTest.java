package io.paasruntime.postgres;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.database.DatabaseRequest;
import io.paasruntime.spi.database.ProvisionedDatabase;
import io.paasruntime.tck.postgres.SystemPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults: the server is down, goes down mid-way, or refuses a step; nothing half-made may remain. */
class PostgresOutageTest {
    private SystemPostgres postgres;
    private AdminSession admin;
    private PostgresDatabaseProvider provider;

    @BeforeEach
    void startServer() {
        postgres = SystemPostgres.start();
        admin = new AdminSession(postgres);
        provider = providerAs(postgres.superuser(), postgres.password());
    }

    @AfterEach
    void stopServer() {
        provider.close();
        postgres.close();
    }

    private PostgresDatabaseProvider providerAs(String user, String password) {
        AdminServer server = new AdminServer(postgres.jdbcUrl("postgres"), user, password, postgres.host(),
                postgres.port(), postgres.host());
        return new PostgresDatabaseProvider(server, Clock.systemUTC(),
                new Leftovers(server, Clock.systemUTC(), Duration.ofMillis(300)));
    }

    private static DatabaseRequest request(UUID id) {
        return new DatabaseRequest(id, "shop", "postgresql-shop-1", "dev");
    }

    @Test
    void serverDownIsUnavailableWithTheReasonAndNoPassword() throws SQLException {
        postgres.stop();

        assertThatThrownBy(() -> provider.provision(request(UUID.randomUUID())))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("unavailable").contains("refused")
                            .doesNotContain(postgres.password());
                });
        assertThatThrownBy(() -> provider.deprovision("addon_" + "0".repeat(32)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE));
        assertThat(provider.status("addon_" + "0".repeat(32))).isEqualTo("unavailable");

        postgres.startAgain();
        assertThat(admin.addonObjects()).isEmpty();
        ProvisionedDatabase db = provider.provision(request(UUID.randomUUID()));
        assertThat(provider.status(db.externalRef())).isEqualTo("available");
    }

    @Test
    void serverStoppingMidwayLeavesNothingOnceItIsBack() throws Exception {
        UUID id = UUID.randomUUID();
        String name = "addon_" + id.toString().replace("-", "");
        CompletableFuture<ProvisionedDatabase> provisioning;
        // a session on template1 makes CREATE DATABASE wait (5 s) after the role exists: the server is stopped then
        try (Connection onTemplate = admin.open("template1")) {
            provisioning = CompletableFuture.supplyAsync(() -> provider.provision(request(id)));
            awaitTrue(() -> exists("SELECT rolname FROM pg_roles WHERE rolname = ?", name), Duration.ofSeconds(5));
            postgres.stop();
        } catch (SQLException closedByTheStop) {
            // the session died with the server
            provisioning = null;
        }
        assertThat(provisioning).as("role appeared before the stop").isNotNull();
        try {
            provisioning.get(30, TimeUnit.SECONDS);
            throw new AssertionError("provisioning succeeded although the server stopped");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOfSatisfying(ProviderException.class,
                    p -> assertThat(p.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE));
        }

        postgres.startAgain();

        // no call to the provider: its background retry clears the half-made role
        awaitTrue(() -> {
            try {
                return admin.addonObjects().isEmpty();
            } catch (SQLException e) {
                return false;
            }
        }, Duration.ofSeconds(30));
    }

    @Test
    void aStepRefusedPartWayUndoesWhatWasCreated() throws SQLException {
        // may create roles but not databases: the role is made, then CREATE DATABASE is refused
        admin.execute("CREATE ROLE limited_admin LOGIN CREATEROLE PASSWORD 'limited-admin-pw'");
        PostgresDatabaseProvider limited = providerAs("limited_admin", "limited-admin-pw");
        try {
            assertThatThrownBy(() -> limited.provision(request(UUID.randomUUID())))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("create the database").contains("permission denied");
                    });
            assertThat(admin.addonObjects()).isEmpty();
        } finally {
            limited.close();
        }
    }

    private boolean exists(String sql, String arg) {
        try {
            return !admin.strings(sql, arg).isEmpty();
        } catch (SQLException e) {
            return false;
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}

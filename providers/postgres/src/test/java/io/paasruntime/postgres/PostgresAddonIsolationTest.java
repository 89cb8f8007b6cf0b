package io.paasruntime.postgres;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.database.DatabaseRequest;
import io.paasruntime.spi.database.ProvisionedDatabase;
import io.paasruntime.tck.database.DatabaseProviderContractTest;
import io.paasruntime.tck.postgres.SystemPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What this provider does on the server beyond the contract: names, limits, who may connect where, undo. */
class PostgresAddonIsolationTest {
    private static SystemPostgres postgres;
    private static AdminSession admin;
    private static PostgresDatabaseProvider provider;

    @BeforeAll
    static void startServer() throws SQLException {
        postgres = SystemPostgres.start();
        admin = new AdminSession(postgres);
        // like the embedded server: the store's own database, and an operator role that uses it
        admin.execute("CREATE DATABASE paas");
        admin.execute("CREATE ROLE reporting LOGIN PASSWORD 'reporting-pw'");
        AdminServer server = new AdminServer(postgres.jdbcUrl("postgres"), postgres.superuser(), postgres.password(),
                postgres.host(), postgres.port(), "db.example.internal");
        provider = new PostgresDatabaseProvider(server, Clock.systemUTC(),
                new Leftovers(server, Clock.systemUTC(), Duration.ofMinutes(5)));
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

    private static ProvisionedDatabase provision(UUID id, String plan) {
        return provider.provision(new DatabaseRequest(id, "shop", "postgresql-shop-1", plan));
    }

    /** The URL as the test can use it: the public host is a name only apps resolve. */
    private static String reachable(ProvisionedDatabase db) {
        return db.url().replace("db.example.internal", postgres.host());
    }

    @Test
    void namesComeFromTheAddonIdAndTheUrlCarriesTheLongRandomPasswordAndPublicHost() {
        UUID id = UUID.randomUUID();
        ProvisionedDatabase db = provision(id, "dev");
        String name = "addon_" + id.toString().replace("-", "");

        URI url = URI.create(db.url());
        assertThat(db.externalRef()).isEqualTo(name);
        assertThat(url.getScheme()).isEqualTo("postgres");
        assertThat(url.getHost()).isEqualTo("db.example.internal");
        assertThat(url.getPort()).isEqualTo(postgres.port());
        assertThat(url.getPath()).isEqualTo("/" + name);
        String[] userInfo = url.getRawUserInfo().split(":");
        assertThat(userInfo[0]).isEqualTo(name);
        assertThat(userInfo[1]).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
        provider.deprovision(db.externalRef());
    }

    @Test
    void plansSetTheConnectionLimitOfRoleAndDatabase() throws SQLException {
        ProvisionedDatabase dev = provision(UUID.randomUUID(), "dev");
        ProvisionedDatabase standard = provision(UUID.randomUUID(), "standard");

        assertThat(admin.strings("SELECT rolconnlimit::text FROM pg_roles WHERE rolname = ?", dev.externalRef()))
                .containsExactly("5");
        assertThat(admin.strings("SELECT datconnlimit::text FROM pg_database WHERE datname = ?", standard.externalRef()))
                .containsExactly("20");
        assertThat(admin.strings("SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls"
                + " FROM pg_roles WHERE rolname = ?", dev.externalRef())).containsExactly("f");
        provider.deprovision(dev.externalRef());
        provider.deprovision(standard.externalRef());
    }

    @Test
    void addonRoleCannotReachTheStoreDatabaseButOperatorRolesStillCan() throws SQLException {
        ProvisionedDatabase db = provision(UUID.randomUUID(), "dev");
        String url = reachable(db);

        assertThatThrownBy(() -> DatabaseProviderContractTest.connect(url.substring(0, url.lastIndexOf('/')) + "/paas")
                .close()).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        for (String database : new String[] {"paas", "postgres"}) {
            Properties props = new Properties();
            props.setProperty("user", "reporting");
            props.setProperty("password", "reporting-pw");
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), props)) {
                assertThat(c.isValid(5)).as(database).isTrue();
            }
        }
        assertThat(admin.strings("SELECT datname FROM pg_database WHERE datallowconn"
                + " AND has_database_privilege('public', oid, 'CONNECT')")).isEmpty();
        provider.deprovision(db.externalRef());
    }

    @Test
    void deprovisionDropsRoleAndDatabaseEvenWithSessionsOpen() throws SQLException {
        ProvisionedDatabase db = provision(UUID.randomUUID(), "dev");
        try (Connection open = DatabaseProviderContractTest.connect(reachable(db))) {
            provider.deprovision(db.externalRef());

            assertThat(open.isValid(2)).isFalse();
        }
        assertThat(admin.strings("SELECT rolname FROM pg_roles WHERE rolname = ?", db.externalRef())).isEmpty();
        assertThat(admin.strings("SELECT datname FROM pg_database WHERE datname = ?", db.externalRef())).isEmpty();
    }

    @Test
    void existingDatabaseOfThatNameIsAConflictAndTheNewRoleIsUndone() throws SQLException {
        UUID id = UUID.randomUUID();
        String name = "addon_" + id.toString().replace("-", "");
        admin.execute("CREATE DATABASE \"" + name + "\"");

        assertThatThrownBy(() -> provision(id, "dev")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONFLICT));

        assertThat(admin.strings("SELECT rolname FROM pg_roles WHERE rolname = ?", name)).isEmpty();
        assertThat(admin.strings("SELECT datname FROM pg_database WHERE datname = ?", name)).containsExactly(name);
        admin.execute("DROP DATABASE \"" + name + "\"");
    }

    @Test
    void existingRoleOfThatNameIsAConflictAndIsLeftAlone() throws SQLException {
        UUID id = UUID.randomUUID();
        String name = "addon_" + id.toString().replace("-", "");
        admin.execute("CREATE ROLE \"" + name + "\"");

        assertThatThrownBy(() -> provision(id, "dev")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONFLICT));

        assertThat(admin.strings("SELECT rolname FROM pg_roles WHERE rolname = ?", name)).containsExactly(name);
        assertThat(admin.strings("SELECT datname FROM pg_database WHERE datname = ?", name)).isEmpty();
        admin.execute("DROP ROLE \"" + name + "\"");
    }

    @Test
    void refsThatThisProviderDidNotIssueAreRefused() {
        for (String ref : new String[] {"postgres", "paas", "addon_x\"; DROP DATABASE paas; --", ""}) {
            assertThatThrownBy(() -> provider.deprovision(ref)).as(ref).isInstanceOfSatisfying(ProviderException.class,
                    e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID));
        }
    }
}

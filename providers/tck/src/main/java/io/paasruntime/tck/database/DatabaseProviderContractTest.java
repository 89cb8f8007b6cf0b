package io.paasruntime.tck.database;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.database.DatabaseProvider;
import io.paasruntime.spi.database.DatabaseRequest;
import io.paasruntime.spi.database.ProvisionedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every database add-on provider does, proved by connecting with the URLs it hands out (the
 * PostgreSQL JDBC driver must be on the test classpath). A subclass supplies a provider on a running
 * server; every database a test creates is deprovisioned after it.
 */
public abstract class DatabaseProviderContractTest {
    private final List<String> created = new ArrayList<>();

    /** The provider under test, on a server that is up; the same instance for every call in a test. */
    protected abstract DatabaseProvider provider();

    @AfterEach
    void deprovisionWhatTheTestCreated() {
        created.forEach(ref -> provider().deprovision(ref));
        created.clear();
    }

    protected ProvisionedDatabase provision(String plan) {
        ProvisionedDatabase db = provider().provision(new DatabaseRequest(UUID.randomUUID(), "contract-app",
                "postgresql-contract", plan));
        created.add(db.externalRef());
        return db;
    }

    @Test
    void provisionedUrlConnectsAndItsRoleCanCreateATable() throws SQLException {
        ProvisionedDatabase db = provision(provider().plans().getFirst());

        assertThat(db.url()).startsWith("postgres://");
        assertThat(db.toString()).doesNotContain(db.url());
        assertThat(provider().status(db.externalRef())).isEqualTo("available");
        try (Connection c = connect(db.url()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE visits (n int)");
            s.execute("INSERT INTO visits VALUES (1), (2)");
            try (ResultSet rs = s.executeQuery("SELECT sum(n) FROM visits")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void everyPlanCanBeProvisioned() throws SQLException {
        assertThat(provider().plans()).isNotEmpty();
        for (String plan : provider().plans()) {
            try (Connection c = connect(provision(plan).url())) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void deprovisionRemovesTheDatabaseAndItsLogin() {
        ProvisionedDatabase db = provision(provider().plans().getFirst());

        provider().deprovision(db.externalRef());

        assertThat(provider().status(db.externalRef())).isEqualTo("missing");
        assertThatThrownBy(() -> connect(db.url()).close()).isInstanceOf(SQLException.class);
    }

    @Test
    void anotherAddonsRoleCannotConnectToTheDatabase() {
        ProvisionedDatabase first = provision(provider().plans().getFirst());
        ProvisionedDatabase second = provision(provider().plans().getFirst());

        String secondRoleOnFirstDatabase = second.url().substring(0, second.url().lastIndexOf('/'))
                + first.url().substring(first.url().lastIndexOf('/'));

        assertThatThrownBy(() -> connect(secondRoleOnFirstDatabase).close()).isInstanceOf(SQLException.class);
    }

    @Test
    void addonRoleCannotConnectToTheServersOtherDatabases() {
        ProvisionedDatabase db = provision(provider().plans().getFirst());
        String base = db.url().substring(0, db.url().lastIndexOf('/') + 1);

        for (String other : List.of("postgres", "template1")) {
            assertThatThrownBy(() -> connect(base + other).close()).as(other).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void unknownPlanIsRefusedNamingThePlan() {
        assertThatThrownBy(() -> provision("no-such-plan"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
                    assertThat(e.field()).contains("plan");
                });
    }

    @Test
    void deprovisioningAMissingDatabaseIsNotAnError() {
        ProvisionedDatabase db = provision(provider().plans().getFirst());
        provider().deprovision(db.externalRef());

        provider().deprovision(db.externalRef());

        assertThat(provider().status(db.externalRef())).isEqualTo("missing");
    }

    /** Opens a JDBC session from a {@code postgres://user:password@host:port/db} URL. */
    public static Connection connect(String postgresUrl) throws SQLException {
        URI uri = URI.create(postgresUrl);
        String[] userInfo = uri.getRawUserInfo().split(":", 2);
        Properties props = new Properties();
        props.setProperty("user", URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8));
        props.setProperty("password", URLDecoder.decode(userInfo[1], StandardCharsets.UTF_8));
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort()
                + uri.getRawPath(), props);
    }
}

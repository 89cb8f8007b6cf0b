package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ProviderContext.PostgresServer;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.spi.store.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server as a product needs it: durable, password-protected, loopback-only, and
 * surviving restarts, a second runtime, stale pid files and a {@code kill -9} of its JVM. All
 * tests share one data directory; each opens and closes its own store on it.
 */
class EmbeddedPostgresTest {
    @TempDir
    static Path dataDir;

    private static Path folder() {
        return dataDir.resolve("postgres");
    }

    @Test
    void theServerIsDurableLoopbackOnlyAndRefusesAWrongPassword() throws Exception {
        try (StateStore store = TestStores.embedded(dataDir)) {
            PostgresServer server = store.embeddedServer().orElseThrow();
            assertThat(server.host()).isEqualTo("127.0.0.1");
            try (Connection connection = connect(server, server.password()); Statement sql = connection.createStatement()) {
                assertThat(query(sql, "SELECT current_database()")).isEqualTo("paas");
                assertThat(query(sql, "SHOW fsync")).isEqualTo("on");
                assertThat(query(sql, "SHOW synchronous_commit")).isEqualTo("on");
                assertThat(query(sql, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(query(sql, "SHOW unix_socket_directories")).isEmpty();
                assertThat(query(sql, "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'postgres'"))
                        .isEqualTo("t");
            }
            assertThatThrownBy(() -> connect(server, "wrong"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
            assertThat(Files.readString(folder().resolve("pgdata/pg_hba.conf"))).doesNotContain("trust");
            assertThat(permissions(folder())).isEqualTo("rwx------");
            assertThat(permissions(folder().resolve("binaries"))).isEqualTo("rwx------");
            assertThat(permissions(folder().resolve("superuser-password"))).isEqualTo("rw-------");
            assertThat(Files.readString(folder().resolve("superuser-password")).trim()).isEqualTo(server.password());
        }
    }

    @Test
    void otherLoginRolesCannotConnectToTheStoreOrAdminDatabase() throws Exception {
        try (StateStore store = TestStores.embedded(dataDir)) {
            PostgresServer server = store.embeddedServer().orElseThrow();
            try (Connection admin = connect(server, server.password()); Statement sql = admin.createStatement()) {
                sql.execute("CREATE ROLE addon_probe LOGIN PASSWORD 'probe-pw'");
                try {
                    for (String database : new String[]{"paas", "postgres"}) {
                        PostgresServer probe = new PostgresServer(server.host(), server.port(), "addon_probe", "probe-pw");
                        assertThatThrownBy(() -> DriverManager.getConnection(probe.jdbcUrl(database), login(probe)))
                                .as(database).isInstanceOfSatisfying(SQLException.class,
                                        e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                    }
                } finally {
                    sql.execute("DROP ROLE addon_probe");
                }
            }
        }
    }

    @Test
    void aRestartKeepsTheDataThePortAndThePassword() throws Exception {
        Tenant tenant = tenant();
        PostgresServer before;
        try (StateStore store = TestStores.embedded(dataDir)) {
            store.tenants().insert(tenant);
            before = store.embeddedServer().orElseThrow();
        }
        assertThat(folder().resolve("pgdata/postmaster.pid")).doesNotExist();
        assertThat(LoopbackPorts.accepts(before.port())).isFalse();

        try (StateStore store = TestStores.embedded(dataDir)) {
            assertThat(store.tenants().findById(tenant.id())).contains(tenant);
            assertThat(store.embeddedServer()).contains(before);
        }
    }

    @Test
    void aSecondRuntimeOnTheSameFolderIsRefused() {
        try (StateStore store = TestStores.embedded(dataDir)) {
            assertThatThrownBy(() -> TestStores.embedded(dataDir))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("in use by another runtime");
                    });
            assertThat(store.tenants().findById(UUID.randomUUID())).isEmpty();
        }
    }

    @Test
    void aStalePidFileOfADeadProcessIsCleared() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        assertThat(finished.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertStartsDespitePidFile(finished.pid());
    }

    @Test
    void theOrphanedServerOfAKilledRuntimeIsStoppedAndItsDataKept() throws Exception {
        Tenant tenant = tenant();
        Process runtime = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledRuntimeMain.class.getName(),
                dataDir.toString(), tenant.id().toString(), tenant.name()).redirectErrorStream(true).start();
        try {
            awaitReady(runtime);
            long orphan = pidInPidFile();
            runtime.destroyForcibly(); // kill -9: no shutdown hook stops its server
            assertThat(runtime.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("orphan survives its JVM").contains(true);

            try (StateStore store = TestStores.embedded(dataDir)) {
                assertThat(store.tenants().findById(tenant.id())).isPresent();
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThat(pidInPidFile()).isNotEqualTo(orphan);
            }
        } finally {
            runtime.destroyForcibly();
        }
    }

    @Test
    void aConfiguredPortIsUsedAndKeptAfterTheSettingIsRemoved() throws Exception {
        int port = LoopbackPorts.free();
        try (StateStore store = TestStores.open(dataDir, Map.of("embedded.port", String.valueOf(port)))) {
            assertThat(store.embeddedServer().orElseThrow().port()).isEqualTo(port);
        }
        try (StateStore store = TestStores.embedded(dataDir)) {
            assertThat(store.embeddedServer().orElseThrow().port()).isEqualTo(port);
        }
    }

    @Test
    void aPortTakenByAnotherProgramIsReportedAsUnavailable() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();
            assertThatThrownBy(() -> TestStores.open(dataDir, Map.of("embedded.port", String.valueOf(port))))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("port " + port).contains("taken");
                    });
        }
    }

    private static void assertStartsDespitePidFile(long pid) throws Exception {
        Tenant tenant = tenant();
        int port;
        try (StateStore store = TestStores.embedded(dataDir)) {
            store.tenants().insert(tenant);
            port = store.embeddedServer().orElseThrow().port();
        }
        Path pgData = folder().resolve("pgdata");
        Files.writeString(pgData.resolve("postmaster.pid"), String.join("\n", String.valueOf(pid), pgData.toString(),
                "1700000000", String.valueOf(port), "", "127.0.0.1", "  1234567     98304", "ready   ", ""));
        try (StateStore store = TestStores.embedded(dataDir)) {
            assertThat(store.tenants().findById(tenant.id())).contains(tenant);
        }
    }

    private static void awaitReady(Process runtime) throws Exception {
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(runtime.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("ready")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(ready.get(60, TimeUnit.SECONDS)).as("the child runtime started").isTrue();
    }

    private static long pidInPidFile() throws IOException {
        return Long.parseLong(Files.readAllLines(folder().resolve("pgdata/postmaster.pid")).getFirst().trim());
    }

    private static Tenant tenant() {
        return new Tenant(UUID.randomUUID(), "t-" + UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static Connection connect(PostgresServer server, String password) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("paas"),
                login(new PostgresServer(server.host(), server.port(), server.superuser(), password)));
    }

    private static Properties login(PostgresServer server) {
        Properties login = new Properties();
        login.setProperty("user", server.superuser());
        login.setProperty("password", server.password());
        return login;
    }

    private static String query(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

}

package io.paasruntime.store.jdbc.embedded;

import io.paasruntime.spi.ProviderContext.PostgresServer;
import io.paasruntime.spi.ProviderException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the store starts itself when no {@code store.url} is configured: real
 * PostgreSQL binaries from a jar (zonky), data under {@code <data dir>/postgres}, kept across
 * restarts. zonky's defaults suit throwaway tests, so every one that matters is overridden here:
 * durable commits, SCRAM passwords, loopback TCP only, binaries in an owner-only folder, and stale
 * servers of a killed runtime cleared before starting.
 *
 * <p>Lifecycle: {@link #start} blocks until the server accepts connections and the {@value #DATABASE}
 * database exists; {@link #close} stops it. Thread-safe.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    /** The database the store's tables live in (not {@code postgres}, which stays the admin database). */
    public static final String DATABASE = "paas";
    /** zonky always names the superuser so. */
    private static final String SUPERUSER = "postgres";
    private static final String HOST = "127.0.0.1";
    /** Long enough for crash recovery after an unclean stop. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final System.Logger LOG = System.getLogger(EmbeddedPostgresServer.class.getName());

    private final EmbeddedPostgres postgres;
    private final DirectoryLock lock;
    private final PostgresServer server;
    private final EmbeddedFiles files;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, DirectoryLock lock, PostgresServer server,
                                   EmbeddedFiles files) {
        this.postgres = postgres;
        this.lock = lock;
        this.server = server;
        this.files = files;
    }

    /**
     * Starts (or restarts) the server whose files live in {@code folder}.
     *
     * @param port the port to use; empty keeps the one chosen at the first start
     * @throws ProviderException {@code UNAVAILABLE} when it cannot start (the message says why)
     */
    public static EmbeddedPostgresServer start(Path folder, Optional<Integer> port) {
        EmbeddedFiles files = EmbeddedFiles.at(folder);
        DirectoryLock lock = null;
        EmbeddedPostgres postgres = null;
        try {
            files.secure();
            lock = DirectoryLock.acquire(files.lockFile(), "the embedded PostgreSQL folder " + files.root());
            StalePostmaster.clear(files.pgData(), STARTUP_WAIT);
            boolean fresh = prepareDataDirectory(files);
            String password = SuperuserPassword.readOrCreate(files.passwordFile());
            int chosenPort = StablePort.resolve(files.portFile(), port);
            if (!StablePort.isFree(chosenPort)) {
                throw ProviderException.unavailable("port " + chosenPort + " on " + HOST + " is taken by another program;"
                        + " stop it or set store.embedded.port", null);
            }
            postgres = builder(files, chosenPort, password, fresh).start();
            checkPgCtlSucceeded(postgres);
            files.secure();
            StablePort.remember(files.portFile(), chosenPort);
            var started = new EmbeddedPostgresServer(postgres, lock,
                    new PostgresServer(HOST, chosenPort, SUPERUSER, password), files);
            started.checkOwnServerAndCreateDatabase();
            return started;
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(postgres, lock);
            if (e instanceof ProviderException pe) {
                throw pe;
            }
            throw ProviderException.unavailable("the embedded PostgreSQL server in " + files.root()
                    + " did not start (" + e.getMessage() + "); its log is " + files.serverLog(), e);
        }
    }

    /** Host, port and superuser credentials, for the store's pool and for database add-ons. */
    public PostgresServer server() {
        return server;
    }

    /** Whether the data directory must be created; clears one that initdb left half-written. */
    private static boolean prepareDataDirectory(EmbeddedFiles files) throws IOException {
        Path pgData = files.pgData();
        if (Files.exists(pgData.resolve("postgresql.conf"))) {
            if (!Files.exists(files.passwordFile())) {
                throw ProviderException.unavailable("the embedded PostgreSQL data in " + pgData + " exists but its"
                        + " superuser password file " + files.passwordFile() + " is missing; restore it", null);
            }
            return false;
        }
        if (Files.exists(pgData)) {
            deleteRecursively(pgData); // initdb was interrupted: it refuses a non-empty directory
        }
        return true;
    }

    private static EmbeddedPostgres.Builder builder(EmbeddedFiles files, int port, String password, boolean fresh) {
        File log = files.serverLog().toFile();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(files.pgData())
                .setCleanDataDirectory(false) // zonky's default deletes the data on close
                .setOverrideWorkingDirectory(files.binaries().toFile())
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("listen_addresses", HOST)
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setConnectConfig("password", password) // zonky's readiness check logs in
                .setDataDirectoryCustomizer(ScramOnlyHba::writeInto)
                .setOutputRedirector(Redirect.appendTo(log))
                .setErrorRedirector(Redirect.appendTo(log));
        if (fresh) {
            // initdb would otherwise trust every local connection; the customizer covers existing directories.
            builder.setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("pwfile", files.passwordFile().toString())
                    // Unicode-aware lower() (case-insensitive emails) whatever the machine's locale is.
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8");
        }
        return builder;
    }

    /** zonky's readiness probe could have reached some other server on the port; pg_ctl's exit code cannot. */
    private static void checkPgCtlSucceeded(EmbeddedPostgres postgres) throws IOException {
        Process pgCtl = postgres.getProcess();
        try {
            if (!pgCtl.waitFor(STARTUP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("pg_ctl start did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for pg_ctl", e);
        }
        if (pgCtl.exitValue() != 0) {
            throw new IOException("pg_ctl start failed with exit code " + pgCtl.exitValue());
        }
    }

    private void checkOwnServerAndCreateDatabase() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", server.superuser());
        login.setProperty("password", server.password());
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), login);
             Statement statement = admin.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('data_directory')")) {
                rs.next();
                if (!Path.of(rs.getString(1)).toAbsolutePath().normalize().equals(files.pgData())) {
                    throw new SQLException("the server on port " + server.port() + " serves another data directory");
                }
            }
            boolean exists;
            try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, DATABASE);
                try (ResultSet rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            // Database add-ons create login roles on this server: they must not get into the store's
            // database, nor the admin one (PostgreSQL grants CONNECT to PUBLIC by default).
            statement.execute("REVOKE CONNECT ON DATABASE " + DATABASE + " FROM PUBLIC");
            statement.execute("REVOKE CONNECT ON DATABASE postgres FROM PUBLIC");
        }
    }

    /** Stops the server (fast shutdown: open sessions are rolled back) and releases the folder. */
    @Override
    public void close() {
        closeQuietly(postgres, lock);
    }

    private static void closeQuietly(EmbeddedPostgres postgres, DirectoryLock lock) {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not stop the embedded PostgreSQL server", e);
        } finally {
            try {
                if (lock != null) {
                    lock.close();
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not release the embedded PostgreSQL folder lock", e);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + server + ", " + files.root() + "]";
    }
}

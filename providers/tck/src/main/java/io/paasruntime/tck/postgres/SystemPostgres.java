package io.paasruntime.tck.postgres;

import io.paasruntime.spi.ProviderContext.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from the machine's Debian packages ({@code /usr/lib/postgresql/<v>/bin}),
 * for tests that need a real, external database: its own temporary folder, a free loopback port,
 * no Unix socket, SCRAM logins with a generated superuser password. Durability is off (it is
 * deleted on {@link #close()}). PostgreSQL refuses to run as root, so when the JVM is root the
 * server runs as the {@code postgres} user, which then owns the folder.
 *
 * <p>Use one per test class: start it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 * Start to ready takes about a second.
 */
public final class SystemPostgres implements AutoCloseable {
    public static final String SUPERUSER = "postgres";
    private static final String HOST = "127.0.0.1";
    private static final Path DEBIAN_POSTGRES = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path root;
    private final boolean runAsPostgresUser;
    private final String password;
    private int port;

    private SystemPostgres(Path bin, Path root, boolean runAsPostgresUser, String password) {
        this.bin = bin;
        this.root = root;
        this.runAsPostgresUser = runAsPostgresUser;
        this.password = password;
    }

    /**
     * Creates and starts a server.
     *
     * @throws IllegalStateException when the machine has no PostgreSQL server binaries, or the server does not start
     */
    public static SystemPostgres start() {
        Path bin = serverBinaries();
        try {
            Path root = Files.createTempDirectory("system-postgres-");
            boolean asRoot = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            SystemPostgres postgres = new SystemPostgres(bin, root, asRoot, Base64.getUrlEncoder().encodeToString(secret));
            try {
                postgres.initdb();
                postgres.startOnFreePort();
                return postgres;
            } catch (RuntimeException | IOException e) {
                postgres.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a system PostgreSQL server", e);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String superuser() {
        return SUPERUSER;
    }

    /** The superuser's password (generated; never printed). */
    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return server().jdbcUrl(database);
    }

    /** The same facts as the SPI speaks them, e.g. for a database add-on provider's admin connection. */
    public PostgresServer server() {
        return new PostgresServer(HOST, port, SUPERUSER, password);
    }

    private void initdb() throws IOException {
        Path passwordFile = root.resolve("pwfile");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        if (runAsPostgresUser) {
            // The postgres user must own its data folder and read the password file from disk.
            giveToPostgresUser(root);
            giveToPostgresUser(passwordFile);
        }
        run("initdb", List.of("-D", dataDir().toString(), "-U", SUPERUSER, "--auth=scram-sha-256",
                "--pwfile=" + passwordFile, "-E", "UTF8", "--no-sync", "--no-instructions"));
        Files.delete(passwordFile);
    }

    private void startOnFreePort() throws IOException {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // another process may grab the free port first
            port = freeLoopbackPort();
            Files.writeString(dataDir().resolve("postgresql.auto.conf"), String.join("\n",
                    "port = " + port,
                    "listen_addresses = '" + HOST + "'",
                    "unix_socket_directories = ''",
                    "fsync = off",
                    "synchronous_commit = off",
                    "full_page_writes = off", ""), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.CREATE);
            try {
                run("pg_ctl", List.of("-D", dataDir().toString(), "-l", root.resolve("server.log").toString(),
                        "-w", "-t", "60", "start"));
                return;
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Stops the server at once, as a crash or an outage would, keeping its files: clients get
     * "connection refused" until {@link #startAgain()}.
     */
    public void stop() {
        run("pg_ctl", List.of("-D", dataDir().toString(), "-m", "immediate", "-w", "stop"));
    }

    /** Starts a server stopped by {@link #stop()} again, on the same port and with the same data. */
    public void startAgain() {
        run("pg_ctl", List.of("-D", dataDir().toString(), "-l", root.resolve("server.log").toString(),
                "-w", "-t", "60", "start"));
    }

    /** Stops the server at once and deletes its folder. */
    @Override
    public void close() {
        try {
            if (Files.exists(dataDir().resolve("postmaster.pid"))) {
                run("pg_ctl", List.of("-D", dataDir().toString(), "-m", "immediate", "-w", "stop"));
            }
        } finally {
            deleteRecursively(root);
        }
    }

    private Path dataDir() {
        return root.resolve("data");
    }

    private void run(String program, List<String> args) {
        List<String> command = new ArrayList<>();
        if (runAsPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(args);
        Path output = root.resolve(program + ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).directory(root.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(program + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program, e);
        }
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} that has a server. */
    static Path serverBinaries() {
        List<Path> candidates;
        try (Stream<Path> versions = Files.isDirectory(DEBIAN_POSTGRES) ? Files.list(DEBIAN_POSTGRES) : Stream.empty()) {
            candidates = versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .sorted(Comparator.comparing((Path b) -> versionOf(b)).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return candidates.stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL server binaries in " + DEBIAN_POSTGRES + "/*/bin: run `apt-get install -y postgresql`"));
    }

    private static double versionOf(Path bin) {
        try {
            return Double.parseDouble(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void giveToPostgresUser(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        view.setOwner(users.lookupPrincipalByName("postgres"));
        view.setGroup(users.lookupPrincipalByGroupName("postgres"));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }

    @Override
    public String toString() {
        return "SystemPostgres[" + SUPERUSER + "@" + HOST + ":" + port + ", " + root + "]";
    }

    /** Whether this machine can run {@link #start()}. */
    public static boolean available() {
        try {
            serverBinaries();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}

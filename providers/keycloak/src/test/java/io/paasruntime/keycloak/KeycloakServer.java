package io.paasruntime.keycloak;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The real Keycloak distribution (unpacked by the build into {@code target/keycloak}), started in
 * development mode on loopback with an in-memory database and the test realms imported: {@link #REALM}
 * from {@code realm/paas-realm.json} and {@link #OTHER_REALM}, a copy under another name. Tests reach
 * it through {@link KeycloakExtension}, which starts it once per test JVM and stops it at the end.
 * Also does the admin chores tests need (with the bootstrap admin of the master realm).
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String REALM = "paas";
    public static final String OTHER_REALM = "paas-other";
    public static final String API_CLIENT = "paas-api";
    public static final String API_SECRET = "paas-api-secret";
    public static final String ADMIN_CLIENT = "paas-admin";
    public static final String ADMIN_SECRET = "paas-admin-secret";
    private static final String REALM_RESOURCE = "/realm/paas-realm.json";
    private static final Duration START_DEADLINE = Duration.ofSeconds(240);
    private static final String BOOTSTRAP_ADMIN = "bootstrap-admin";

    private final Process process;
    private final String url;
    private final Path log;
    private final Path instance;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread shutdownHook;
    private final KeycloakTestAdmin admin;

    private KeycloakServer(Process process, String url, Path log, Path instance, String bootstrapPassword) {
        this.process = process;
        this.url = url;
        this.log = log;
        this.instance = instance;
        this.admin = new KeycloakTestAdmin(url, BOOTSTRAP_ADMIN, bootstrapPassword, http);
        this.shutdownHook = new Thread(this::killTree, "keycloak-test-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts Keycloak from the unpacked distribution and waits until both realms answer. Each instance
     * gets its own home (links to the distribution's code, its own {@code data}), so test runs of
     * several modules may overlap without sharing realm imports or transaction logs.
     */
    public static KeycloakServer start() {
        Path home = distribution();
        try {
            Path logs = Files.createDirectories(home.getParent().resolve("logs"));
            Path instance = Files.createTempDirectory(logs, "instance-");
            for (String shared : List.of("lib", "providers", "themes", "conf")) {
                Files.createSymbolicLink(instance.resolve(shared), home.resolve(shared));
            }
            importRealms(Files.createDirectories(instance.resolve("data/import")));
            int[] ports = freePorts(2);
            int port = ports[0];
            int managementPort = ports[1];
            String password = UUID.randomUUID().toString();
            Path log = logs.resolve(instance.getFileName() + ".log");
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(),
                    "-Dkc.home.dir=" + instance, "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                    "--db=dev-mem", "--import-realm")
                    .directory(instance.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("KEYCLOAK_") || k.startsWith("QUARKUS_")
                    || k.equals("JAVA_OPTS"));
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
            KeycloakServer server = new KeycloakServer(builder.start(), "http://127.0.0.1:" + port, log, instance, password);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak", e);
        }
    }

    /**
     * The unpacked distribution: {@code keycloak.home} as the keycloak module's build sets it, else the
     * one that build left in {@code providers/keycloak/target/keycloak} (for other modules' tests).
     */
    private static Path distribution() {
        String configured = System.getProperty("keycloak.home");
        if (configured != null) {
            Path home = Path.of(configured).toAbsolutePath();
            if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                return home;
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path unpacked = dir.resolve("providers/keycloak/target/keycloak");
            if (Files.isDirectory(unpacked)) {
                try (var candidates = Files.list(unpacked)) {
                    Optional<Path> found = candidates.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no Keycloak distribution found (keycloak.home=" + configured + "); build the "
                + "keycloak module first (mvn -pl providers/keycloak install), which unpacks it into its target folder");
    }

    /** Writes the test realm and a renamed copy where {@code --import-realm} reads them. */
    private static void importRealms(Path importDir) throws IOException {
        String realm = realmJson();
        Files.writeString(importDir.resolve(REALM + "-realm.json"), realm);
        Files.writeString(importDir.resolve(OTHER_REALM + "-realm.json"), renamedRealm(realm, OTHER_REALM));
    }

    /** The test realm file, as operators get it in docs/keycloak. */
    public static String realmJson() {
        try (InputStream in = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + REALM_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code realmJson} with its realm name replaced. */
    static String renamedRealm(String realmJson, String name) {
        try {
            Map<String, Object> realm = new HashMap<>(JSONObjectUtils.parse(realmJson));
            realm.put("realm", name);
            return JSONObjectUtils.toJSONString(realm);
        } catch (ParseException e) {
            throw new IllegalStateException("the test realm file is not JSON", e);
        }
    }

    /** {@code n} distinct free ports: each socket stays open until all are chosen, so no port comes twice. */
    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_DEADLINE);
        List<String> realms = List.of(REALM, OTHER_REALM);
        int ready = 0;
        while (ready < realms.size()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                killTree();
                throw new IllegalStateException("Keycloak was not ready within " + START_DEADLINE + ":\n" + logTail());
            }
            if (answers(url + "/realms/" + realms.get(ready) + "/.well-known/openid-configuration")) {
                ready++;
            } else {
                pause(Duration.ofMillis(500));
            }
        }
    }

    private boolean answers(String address) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** Keycloak's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return url;
    }

    /** The {@code identity} settings of a provider on {@code realm} of this server (the test realm's clients). */
    public Map<String, String> identitySettings(String realm) {
        Map<String, String> settings = new HashMap<>();
        settings.put("url", url);
        settings.put("realm", realm);
        settings.put("client-id", API_CLIENT);
        settings.put("client-secret", API_SECRET);
        settings.put("admin-client-id", ADMIN_CLIENT);
        settings.put("admin-client-secret", ADMIN_SECRET);
        return settings;
    }

    /** Admin chores on this server's realms (as the bootstrap admin of the master realm). */
    public KeycloakTestAdmin admin() {
        return admin;
    }

    private void killTree() {
        // kc.sh runs Keycloak's JVM as its child: stop the whole tree, then make sure it is gone.
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(30);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
    }

    private void deleteInstance() {
        try (var files = Files.walk(instance)) {
            // Deepest first; links are removed, never followed into the distribution.
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("could not delete Keycloak test instance " + instance + ": " + e);
        }
    }

    /** Stops Keycloak and every process it started, and deletes its data (the log stays). */
    @Override
    public void close() {
        killTree();
        http.close();
        deleteInstance();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran: nothing left to do
        }
    }
}

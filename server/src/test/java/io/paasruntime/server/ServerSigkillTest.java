package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasruntime.server.ProcTable.OsProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's acceptance: a server killed with SIGKILL and started again on its data directory runs
 * exactly the formation's processes (one per instance id, none left over from the first run), its
 * app answers on the same web_url, and a normal stop then leaves no app process behind.
 */
class ServerSigkillTest {
    /** Unique per run, so processes a crashed earlier run left behind cannot be mistaken for this one's. */
    private static final String APP = "sigkill-" + Long.toString(Math.floorMod(System.nanoTime(), 1_000_000_000L), 36);
    private static final Set<String> FORMATION = Set.of("web.1", "worker.1", "worker.2");

    /**
     * A router port range of this run's own, away from the defaults other servers on the machine
     * use: one of them could take the app's port while this server is down, and the app would
     * rightly move to another web_url.
     */
    private static final int PORT_BASE = 30_000 + 100 * new Random().nextInt(27);
    private static final Map<String, String> PORTS = ports(PORT_BASE);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the servers' logs stay for a failure's post-mortem
    Path dir;

    @AfterEach
    void killWhatAFailureLeftBehind() throws Exception {
        for (OsProcess p : ProcTable.under(dir)) {
            ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aServerKilledWithSigkillComesBackWithExactlyTheFormationAndNoOrphans() throws Exception {
        // the apps run as another user, who must be able to pass through to the release directories
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path dataDir = Files.createDirectory(dir.resolve("data"));
        byte[] artifact = HelloApp.artifact(dir);

        String token;
        String webUrl;
        List<OsProcess> firstRun;
        try (ServerProcess first = ServerProcess.start(dataDir, dir.resolve("first.log"), PORTS)) {
            assertThat(first.post("/v1/signup", null,
                    "{\"email\":\"kill@example.com\",\"password\":\"kill-pw-123\",\"tenant\":\"killers\"}").status()).isEqualTo(201);
            token = first.post("/v1/auth/login", null, "{\"email\":\"kill@example.com\",\"password\":\"kill-pw-123\"}")
                    .json().get("access_token").asText();
            assertThat(first.post("/v1/apps", token, "{\"name\":\"" + APP + "\"}").status()).isEqualTo(201);
            TestServer.Response deploy = first.send(HelloApp.deployRequest(first.uri("/"), token, APP, artifact).build());
            assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);
            webUrl = HelloApp.awaitCurrent(path -> first.get(path, token), APP, 1).get("web_url").asText();
            assertThat(URI.create(webUrl).getPort()).as("web_url in this run's range").isBetween(PORT_BASE, PORT_BASE + 49);
            TestServer.Response scaled = first.patch("/v1/apps/" + APP + "/processes/worker", token, "{\"replicas\":2}");
            assertThat(scaled.status()).as(scaled.body()).isEqualTo(200);
            awaitFormationUp(first, token);
            awaitExactlyTheFormation(dataDir, List.of());

            firstRun = ProcTable.ofAppOrUnder(APP, dataDir);
            first.kill();
        }
        List<OsProcess> survivors = alive(firstRun);
        System.out.printf("after SIGKILL: %d of the first run's %d processes (apps and PostgreSQL) still run%n",
                survivors.size(), firstRun.size());

        try (ServerProcess second = ServerProcess.start(dataDir, dir.resolve("second.log"), PORTS)) {
            JsonNode app = HelloApp.awaitCurrent(path -> second.get(path, token), APP, 1);
            assertThat(app.get("web_url").asText()).as("the web_url survives the crash").isEqualTo(webUrl);
            awaitFormationUp(second, token);
            Map<String, Set<Long>> groups = awaitExactlyTheFormation(dataDir, firstRun);

            HttpResponse<String> hello = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(webUrl + "/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.body()).isEqualTo("Hello from web.1\n");
            assertThat(instanceGroups(ProcTable.ofAppOrUnder(APP, dataDir))).as("still the same processes")
                    .isEqualTo(groups);

            second.stop();
        }
        assertThat(ProcTable.ofAppOrUnder(APP, dataDir)).as("no app process nor PostgreSQL left after a normal stop")
                .isEmpty();
    }

    private static Map<String, String> ports(int base) {
        return Map.of("RUNTIME_ORCHESTRATION_ROUTER_PORT_RANGE", base + "-" + (base + 49),
                "RUNTIME_ORCHESTRATION_PROCESS_PORT_RANGE", (base + 50) + "-" + (base + 99));
    }

    private static void awaitFormationUp(ServerProcess server, String token) throws Exception {
        Await.until(Duration.ofSeconds(60), "web.1, worker.1 and worker.2 up", () -> {
            JsonNode processes = server.get("/v1/apps/" + APP + "/processes", token).json();
            return HelloApp.allUp(processes, "web", 1) && HelloApp.allUp(processes, "worker", 2) ? processes : null;
        });
    }

    /**
     * Waits until /proc shows the app's processes as exactly the formation's instance ids, each id in
     * one process group (a duplicate would be a second group), and none of {@code gone} alive.
     */
    private static Map<String, Set<Long>> awaitExactlyTheFormation(Path dataDir, List<OsProcess> gone) throws Exception {
        try {
            return Await.until(Duration.ofSeconds(30), "exactly " + FORMATION + " running", () -> {
                List<OsProcess> now = ProcTable.ofAppOrUnder(APP, dataDir);
                Map<String, Set<Long>> groups = instanceGroups(now);
                boolean oneGroupEach = groups.values().stream().allMatch(g -> g.size() == 1);
                return groups.keySet().equals(FORMATION) && oneGroupEach && alive(gone).isEmpty() ? groups : null;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nrunning: " + describe(ProcTable.ofAppOrUnder(APP, dataDir))
                    + "\nleft from the first run: " + describe(alive(gone)), e);
        }
    }

    /** Instance id → the process groups its processes are in. */
    private static Map<String, Set<Long>> instanceGroups(List<OsProcess> processes) {
        return processes.stream().filter(p -> p.instance().isPresent())
                .collect(Collectors.groupingBy(p -> p.instance().get(), TreeMap::new,
                        Collectors.mapping(OsProcess::processGroup, Collectors.toCollection(TreeSet::new))));
    }

    private static List<OsProcess> alive(List<OsProcess> earlier) throws Exception {
        Set<String> now = ProcTable.all().stream().map(OsProcess::identity).collect(Collectors.toSet());
        return earlier.stream().filter(p -> now.contains(p.identity())).toList();
    }

    private static String describe(List<OsProcess> processes) {
        return processes.stream().map(p -> p.pid() + " " + p.instance().orElse("-") + " pgid " + p.processGroup() + " " + p.command())
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}

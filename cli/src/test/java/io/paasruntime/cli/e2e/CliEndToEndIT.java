package io.paasruntime.cli.e2e;

import io.paasruntime.cli.json.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The README's walkthrough with {@code bin/paas} as a subprocess against the real server (its
 * shaded jar, started on a free port): signup → login → create → deploy → ps → logs → scale →
 * config → rollback → add-on → destroy → restore, plus the bad-usage cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliEndToEndIT {
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final String PASSWORD = "correct-horse-battery\n";

    @TempDir
    static Path work;

    private Path repo;
    private RuntimeServer server;
    private PaasProcess paas;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startServer() throws Exception {
        repo = Path.of(System.getProperty("paas.repo.root", "..")).toAbsolutePath().normalize();
        Path jar = repo.resolve("server/target/paas-runtime-all.jar");
        assumeThat(Files.isRegularFile(jar)).as("the server jar %s is built before the cli module", jar).isTrue();
        // apps run as an unprivileged user that must be able to enter the data directory's parents
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        server = RuntimeServer.start(jar, Files.createDirectories(work.resolve("server")));
        paas = new PaasProcess(repo, Files.createDirectories(work.resolve("home")), Files.createDirectories(work.resolve("io")))
                .env("PAAS_API_URL", server.url);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void walksTheReadmeFlowFromSignupToRestore() throws Exception {
        Path app = helloApp();

        PaasProcess.Result r = ok(paas.runWithStdin(work, PASSWORD, "signup", "--email", "ada@example.com",
                "--tenant", "acme", "--password-stdin"));
        assertThat(r.out()).contains("Signed up ada@example.com in tenant acme").doesNotContain("correct-horse");
        r = ok(paas.runWithStdin(work, PASSWORD, "login", "--email", "ada@example.com", "--password-stdin"));
        assertThat(r.out()).isEqualTo("Logged in as ada@example.com at " + server.url + "\n");
        Path creds = work.resolve("home/.config/paas/credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds))).isEqualTo("rw-------");
        assertThat(ok(paas.run(work, "whoami")).out()).contains("ada@example.com").contains("acme");

        r = ok(paas.run(app, "apps:create", "hello"));
        assertThat(r.out()).startsWith("Created app hello (");
        assertThat(Files.readString(app.resolve(".paas"))).contains("app=hello");
        assertThat(ok(paas.run(work, "apps")).out()).contains("hello");

        r = ok(paas.run(app, "deploy", "-m", "first deploy"));
        assertThat(r.out()).contains("Created release v1 of hello").contains("v1 succeeded").contains("v1 is live at http://127.0.0.1:");
        String webUrl = JsonNode.parse(ok(paas.run(app, "apps:info", "--json")).out()).get("web_url").text();
        assertThat(webUrl).startsWith("http://127.0.0.1:");
        assertThat(eventually(() -> get(webUrl + "/"), body -> body.startsWith("Hello from web."))).startsWith("Hello from web.");

        r = ok(paas.run(app, "ps"));
        assertThat(r.out()).contains("=== web (1").contains("=== worker (1").contains("web.1");

        assertThat(ok(paas.run(app, "ps:scale", "worker=2")).out()).isEqualTo("Scaled hello: worker=2\n");
        eventually(() -> ok(paas.run(app, "ps", "--json")), res -> runningInstances(res, "worker") == 2);

        assertThat(ok(paas.run(app, "config:set", "GREETING=hi")).out()).contains("Set GREETING on hello");
        assertThat(ok(paas.run(app, "config")).out()).contains("GREETING: hi");
        assertThat(eventually(() -> get(webUrl + "/config"), "hi\n"::equals)).isEqualTo("hi\n");
        assertThat(ok(paas.run(app, "releases")).out()).contains("v2").contains("v1");

        r = ok(paas.run(app, "rollback"));
        assertThat(r.out()).contains("Rolling back hello to v1: created release v3").contains("v3 is live at http://127.0.0.1:");
        assertThat(eventually(() -> get(webUrl + "/config"), "(GREETING is not set)\n"::equals))
                .isEqualTo("(GREETING is not set)\n");
        JsonNode releases = JsonNode.parse(ok(paas.run(app, "releases", "--json")).out());
        assertThat(releases.get("items").elements()).anySatisfy(rel -> {
            assertThat(rel.get("version").asLong(0)).isEqualTo(3);
            assertThat(rel.get("rollback_of").asLong(0)).isEqualTo(1);
        });

        r = paas.run(app, "addons:create", "database");
        noStackTrace(r);
        if (r.exitCode() == 0) {
            assertThat(r.out()).contains("DATABASE_URL");
            assertThat(ok(paas.run(app, "addons")).out()).contains("DATABASE_URL");
        } else {
            // a server without a database provider answers with the documented error envelope
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.err()).startsWith("error: ").contains("(request_id: req_");
        }

        // Logs and metrics are read once the app has run through several releases (the worker
        // has printed all along), so the steps above are checked even where these are missing.
        PaasProcess.Result logs = eventually(() -> ok(paas.run(app, "logs", "--num", "200")),
                res -> res.out().contains("worker tick"));
        assertThat(logs.out()).contains("worker tick");
        assertThat(JsonNode.parse(ok(paas.run(app, "logs", "--process", "worker", "--since", "15m", "--json")).out())
                .get("lines").elements()).allSatisfy(line -> assertThat(line.get("process").text()).isEqualTo("worker"));

        assertThat(ok(paas.run(app, "metrics", "--kind", "cpu", "--range", "1h")).out()).contains("=== hello cpu");

        r = ok(paas.run(work, "apps:destroy", "hello", "--confirm", "hello"));
        assertThat(r.out()).startsWith("Destroyed hello;");
        assertThat(ok(paas.run(work, "apps")).out()).doesNotContain("hello");
        assertThat(ok(paas.run(work, "apps", "--deleted")).out()).contains("hello");
        assertThat(ok(paas.run(work, "apps:restore", "hello")).out()).isEqualTo("Restored hello\n");
        assertThat(ok(paas.run(work, "apps")).out()).contains("hello");
    }

    @Test
    void badUsageGivesOneLineAndTheRightExitCode() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("no-link-here"));
        PaasProcess fresh = new PaasProcess(repo, Files.createDirectories(work.resolve("fresh-home")), work.resolve("io"))
                .env("PAAS_API_URL", server.url);

        PaasProcess.Result unknown = fresh.run(elsewhere, "frobnicate");
        assertOneLineError(unknown, 2, "error: unknown command 'frobnicate'");

        PaasProcess.Result notLoggedIn = fresh.run(elsewhere, "apps");
        assertOneLineError(notLoggedIn, 1, "error: not logged in; run paas login");

        PaasProcess.Result missingApp = fresh.env("PAAS_TOKEN", "not-checked-before-the-app-is-known").run(elsewhere, "ps");
        assertOneLineError(missingApp, 2, "error: no app given: pass --app APP");

        int closed = RuntimeServer.freePort();
        PaasProcess.Result down = fresh.env("PAAS_API_URL", "http://127.0.0.1:" + closed).run(elsewhere, "apps");
        assertOneLineError(down, 1, "error: cannot reach the PaaS Runtime API at http://127.0.0.1:" + closed + ": connection refused");

        PaasProcess.Result badToken = fresh.env("PAAS_API_URL", server.url).env("PAAS_TOKEN", "garbage").run(elsewhere, "apps");
        assertOneLineError(badToken, 1, "run paas login (request_id: req_");
    }

    private Path helloApp() throws Exception {
        Path target = Files.createDirectories(work.resolve("hello"));
        Path example = repo.resolve("examples/apps/hello");
        if (Files.isRegularFile(example.resolve("Procfile"))) {
            try (Stream<Path> files = Files.walk(example)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (!f.getFileName().toString().equals(".paas")) {
                        Path to = target.resolve(example.relativize(f).toString());
                        Files.createDirectories(to.getParent());
                        Files.copy(f, to);
                    }
                }
            }
        } else {
            // the example app is not there yet: a minimal one with the same behaviour
            Files.writeString(target.resolve("Procfile"), "web: python3 server.py\n"
                    + "worker: while true; do echo \"worker tick $(date +%s)\"; sleep 1; done\n");
            Files.writeString(target.resolve("server.py"), """
                    import os
                    from http.server import BaseHTTPRequestHandler, HTTPServer
                    class H(BaseHTTPRequestHandler):
                        def do_GET(self):
                            body = (os.environ.get("GREETING", "(GREETING is not set)") if self.path == "/config"
                                    else "Hello from " + os.environ.get("PS", "unknown")) + "\\n"
                            self.send_response(200)
                            self.send_header("Content-Length", str(len(body)))
                            self.end_headers()
                            self.wfile.write(body.encode())
                    HTTPServer(("127.0.0.1", int(os.environ["PORT"])), H).serve_forever()
                    """);
        }
        return target;
    }

    private static int runningInstances(PaasProcess.Result ps, String type) {
        for (JsonNode t : JsonNode.parse(ps.out()).get("types").elements()) {
            if (t.get("type").text().equals(type)) {
                return (int) t.get("instances").elements().stream()
                        .filter(i -> List.of("up", "running").contains(i.get("state").text())).count();
            }
        }
        return 0;
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Polls until {@code done} holds; the last value, failing with it after {@link #SETTLE}. */
    private static <T> T eventually(Callable<T> probe, Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        T last = null;
        Exception lastError = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = probe.call();
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("condition not met within " + SETTLE + "; last value: " + last, lastError);
    }

    private PaasProcess.Result ok(PaasProcess.Result r) {
        noStackTrace(r);
        assertThat(r.exitCode()).as("%s\nserver log:\n%s", r, server.logTail()).isZero();
        return r;
    }

    private static void noStackTrace(PaasProcess.Result r) {
        assertThat(r.err()).as(r.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static void assertOneLineError(PaasProcess.Result r, int code, String message) {
        noStackTrace(r);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(code);
        assertThat(r.err().lines().toList()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).contains(message);
    }
}

package io.paasruntime.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI's contract with its user, against a scripted server: output, exit codes, request shapes. */
class CliBehaviourTest {
    private static final String APP = "{\"id\":\"0190-app\",\"name\":\"hello\",\"region\":\"local\",\"created_at\":\"2025-01-01T00:00:00Z\","
            + "\"updated_at\":\"2025-01-01T00:00:00Z\",\"deleted_at\":null,\"current_release\":{\"id\":\"r2\",\"version\":2,\"status\":\"succeeded\"},"
            + "\"web_url\":\"http://127.0.0.1:41000\"}";

    @TempDir
    Path home;
    @TempDir
    Path work;

    private StubApi api;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        api = new StubApi();
        env = new HashMap<>(Map.of("HOME", home.toString(), "PAAS_API_URL", api.url()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private CliRun paas(String... args) {
        return CliRun.run(env, work, "", args);
    }

    private CliRun paasWithStdin(String stdin, String... args) {
        return CliRun.run(env, work, stdin, args);
    }

    private static String token(String email) {
        String payload = "{\"sub\":\"u1\",\"tenant\":\"0190-tenant\",\"email\":\"" + email + "\",\"exp\":4102444800}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    private void loggedIn() {
        env.put("PAAS_TOKEN", token("ada@example.com"));
    }

    private static void assertOneLineError(CliRun run, int code, String message) {
        assertThat(run.exitCode()).isEqualTo(code);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnknownCommandIsAOneLineUsageErrorWithASuggestion() {
        CliRun run = paas("apps:craete", "x");
        assertOneLineError(run, 2, "unknown command 'apps:craete'; did you mean apps:create");
        assertThat(run.out()).isEmpty();
        assertOneLineError(paas("frobnicate"), 2, "unknown command 'frobnicate' (see 'paas --help')");
    }

    @Test
    void anUnknownOptionOrMissingParameterIsAUsageError() {
        assertOneLineError(paas("apps", "--frob"), 2, "Unknown option: '--frob'");
        assertOneLineError(paas("apps:create"), 2, "Missing required parameter: 'NAME'");
    }

    @Test
    void withoutLoginEveryApiCommandSaysToLogIn() {
        CliRun run = paas("apps");
        assertOneLineError(run, 1, "error: not logged in; run paas login");
        assertThat(api.requests).isEmpty();
    }

    @Test
    void anUnreachableServerIsNamedInOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        loggedIn();
        env.put("PAAS_API_URL", "http://127.0.0.1:" + port);
        assertOneLineError(paas("apps"), 1,
                "error: cannot reach the PaaS Runtime API at http://127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void apiErrorsShowTheMessageFieldProblemsAndRequestId() {
        loggedIn();
        api.on("POST", "/v1/apps", 422, "{\"error\":{\"code\":\"validation_failed\",\"message\":\"invalid request\","
                + "\"request_id\":\"req_42\",\"ts\":\"t\",\"details\":[{\"field\":\"name\",\"problem\":\"must be a DNS label\"}]}}");
        assertOneLineError(paas("apps:create", "Bad_Name"), 1,
                "error: invalid request: name: must be a DNS label (request_id: req_42)");
        assertOneLineError(paas("apps:info", "nope"), 1, "error: no route /v1/apps/nope (request_id: req_stub)");
    }

    @Test
    void anExpiredTokenAddsALoginHint() {
        loggedIn();
        api.on("GET", "/v1/apps", 401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"token expired\",\"request_id\":\"req_1\",\"ts\":\"t\"}}");
        assertOneLineError(paas("apps"), 1, "error: token expired; run paas login (request_id: req_1)");
    }

    @Test
    void commandsNeedingAnAppRefuseToGuessOutsideALinkedDirectory() {
        loggedIn();
        CliRun run = paas("ps");
        assertOneLineError(run, 2, "no app given: pass --app APP");
        assertThat(api.requests).isEmpty();
    }

    @Test
    void aPaasFileInAParentDirectorySuppliesTheApp() throws Exception {
        loggedIn();
        Files.writeString(work.resolve(".paas"), "app=hello\n");
        Path sub = Files.createDirectories(work.resolve("src/deep"));
        api.on("GET", "/v1/apps/hello/config", 200, "{\"B\":\"2\",\"A\":\"x=y\"}");
        CliRun run = CliRun.run(env, sub, "", "config");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("=== hello config vars\nA: x=y\nB: 2\n");
    }

    @Test
    void loginStoresTheTokenPrivatelyWithoutPrintingIt() throws Exception {
        String tok = token("ada@example.com");
        api.on("POST", "/v1/auth/login", 200, "{\"access_token\":\"" + tok + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        CliRun run = paasWithStdin("correct-horse\n", "login", "--email", "ada@example.com", "--password-stdin");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Logged in as ada@example.com at " + api.url() + "\n");
        assertThat(run.out() + run.err()).doesNotContain(tok).doesNotContain("correct-horse");
        assertThat(api.requests.get(0).bodyText()).isEqualTo("{\"email\":\"ada@example.com\",\"password\":\"correct-horse\"}");
        Path creds = home.resolve(".config/paas/credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds))).isEqualTo("rw-------");
        assertThat(Files.readString(creds)).contains("token=" + tok);

        api.on("GET", "/v1/apps", 200, "{\"items\":[],\"next_cursor\":null}");
        CliRun who = paas("whoami");
        assertThat(who.exitCode()).isZero();
        assertThat(who.out()).contains("Email:   ada@example.com").contains("Tenant:  0190-tenant").contains("API:     " + api.url());
        assertThat(api.requests("GET", "/v1/apps").get(0).headers().get("Authorization")).containsExactly("Bearer " + tok);

        assertThat(paas("logout").out()).startsWith("Logged out");
        assertOneLineError(paas("whoami"), 1, "not logged in; run paas login");
    }

    @Test
    void passwordStdinWithEmptyInputFails() {
        assertOneLineError(paasWithStdin("", "login", "--email", "a@b.c", "--password-stdin"), 1, "held no password");
    }

    @Test
    void appsPrintsAnAlignedTableOrTheRawJson() {
        loggedIn();
        api.on("GET", "/v1/apps", 200, "{\"items\":[" + APP + "],\"next_cursor\":null}");
        CliRun table = paas("apps");
        assertThat(table.exitCode()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).startsWith("NAME   RELEASE  STATUS     WEB URL                 CREATED");
        assertThat(lines.get(1)).startsWith("hello  v2       succeeded  http://127.0.0.1:41000  ");
        CliRun json = paas("apps", "--json");
        assertThat(json.out()).startsWith("{\n  \"items\": [\n    {\n      \"id\": \"0190-app\",");
        assertThat(api.requests("GET", "/v1/apps").get(0).query()).isEqualTo("limit=200");
    }

    @Test
    void configSetSendsValuesWithEqualsAndRefusesBadKeysBeforeCallingTheServer() {
        loggedIn();
        api.on("GET", "/v1/apps/hello/config", 200, "{}");
        api.on("GET", "/v1/apps/hello", 200, APP);
        api.on("PATCH", "/v1/apps/hello/config", 200, "{\"GREETING\":\"hi there\",\"URL\":\"a=b\"}");
        CliRun ok = paas("config:set", "URL=a=b", "GREETING=hi there", "-a", "hello");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).isEqualTo("Set URL, GREETING on hello; a new release rolls out\n");
        assertThat(api.requests("PATCH", "/v1/apps/hello/config").get(0).bodyText())
                .isEqualTo("{\"URL\":\"a=b\",\"GREETING\":\"hi there\"}");

        int sent = api.requests.size();
        assertOneLineError(paas("config:set", "1BAD=x", "-a", "hello"), 2, "'1BAD' is not a valid key");
        assertOneLineError(paas("config:set", "NOEQUALS", "-a", "hello"), 2, "expected KEY=VALUE, got 'NOEQUALS'");
        assertThat(api.requests).hasSize(sent);

        api.on("GET", "/v1/apps/hello/config", 200, "{\"GREETING\":\"hi there\",\"URL\":\"a=b\"}");
        api.on("PATCH", "/v1/apps/hello/config", 200, "{\"GREETING\":\"hi there\"}");
        CliRun unset = paas("config:unset", "URL", "-a", "hello");
        assertThat(unset.exitCode()).isZero();
        assertThat(unset.out()).isEqualTo("Unset URL on hello; a new release rolls out\n");
        assertThat(api.requests("PATCH", "/v1/apps/hello/config").get(1).bodyText()).isEqualTo("{\"URL\":null}");
    }

    @Test
    void configChangesThatChangeNothingOrPrecedeTheFirstDeploySayNoReleaseWasMade() {
        loggedIn();
        api.on("GET", "/v1/apps/hello/config", 200, "{\"GREETING\":\"hi\"}");
        api.on("PATCH", "/v1/apps/hello/config", 200, "{\"GREETING\":\"hi\"}");
        api.on("GET", "/v1/apps/hello", 200, APP);
        CliRun unsetMissing = paas("config:unset", "URL", "-a", "hello");
        assertThat(unsetMissing.exitCode()).isZero();
        assertThat(unsetMissing.out()).isEqualTo("No change to hello's config (URL already unset); no new release\n");
        CliRun setSame = paas("config:set", "GREETING=hi", "-a", "hello");
        assertThat(setSame.out()).isEqualTo("No change to hello's config (GREETING already set so); no new release\n");

        api.onFromNow("GET", "/v1/apps/hello", 200, APP.replace(
                "{\"id\":\"r2\",\"version\":2,\"status\":\"succeeded\"}", "null"));
        api.onFromNow("PATCH", "/v1/apps/hello/config", 200, "{\"GREETING\":\"hello\"}");
        CliRun beforeDeploy = paas("config:set", "GREETING=hello", "-a", "hello");
        assertThat(beforeDeploy.out()).isEqualTo("Set GREETING on hello; stored for the first deploy (no release yet)\n");
    }

    @Test
    void psScaleSendsOnePatchPerTypeAndRefusesBadCounts() {
        loggedIn();
        api.on("PATCH", "/v1/apps/hello/processes/web", 200, "{}");
        api.on("PATCH", "/v1/apps/hello/processes/worker", 200, "{}");
        CliRun run = paas("ps:scale", "web=2", "worker=0", "-a", "hello");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Scaled hello: web=2, worker=0\n");
        assertThat(api.requests).extracting(StubApi.Request::bodyText).containsExactly("{\"replicas\":2}", "{\"replicas\":0}");
        assertOneLineError(paas("ps:scale", "web=-1", "-a", "hello"), 2, "the count must be a whole number");
        assertOneLineError(paas("ps:scale", "web=two", "-a", "hello"), 2, "the count must be a whole number");
    }

    @Test
    void destroyNeedsTheNameTypedOrConfirmed() {
        loggedIn();
        api.on("GET", "/v1/apps/hello", 200, APP);
        api.on("DELETE", "/v1/apps/0190-app", 204, "");
        CliRun wrong = paasWithStdin("helo\n", "apps:destroy", "hello");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err().lines().toList()).containsExactly(
                "This deletes hello and stops its processes (restorable for 30 days).",
                "To proceed, type the app's name (hello): ",
                "error: confirmation 'helo' does not match hello; nothing was deleted");
        assertThat(api.requests("DELETE", "/v1/apps/0190-app")).isEmpty();

        CliRun typed = paasWithStdin("hello\n", "apps:destroy", "hello");
        assertThat(typed.exitCode()).isZero();
        CliRun confirmed = paas("apps:destroy", "hello", "--confirm", "hello");
        assertThat(confirmed.exitCode()).isZero();
        assertThat(confirmed.out()).startsWith("Destroyed hello;");
        assertThat(api.requests("DELETE", "/v1/apps/0190-app")).hasSize(2);
    }

    @Test
    void metricsDrawASparklinePerProcessType() {
        loggedIn();
        api.on("GET", "/v1/apps/hello/metrics", 200, "{\"kind\":\"cpu\",\"unit\":\"percent\",\"range\":\"1h\",\"step_seconds\":60,"
                + "\"series\":[{\"process\":\"web\",\"points\":[[\"t1\",0],[\"t2\",50],[\"t3\",100]]},"
                + "{\"process\":\"worker\",\"points\":[[\"t1\",2.5],[\"t2\",2.5]]}]}");
        CliRun run = paas("metrics", "-a", "hello");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "=== hello cpu (percent), last 1h, one point per 60s",
                "PROCESS       MIN   AVG    MAX     LAST",
                "web      ▁▅█  0.0%  50.0%  100.0%  100.0%",
                "worker   ▄▄   2.5%  2.5%   2.5%    2.5%");
        assertThat(api.requests.get(0).query()).isEqualTo("kind=cpu&range=1h");
    }

    @Test
    void deployUploadsATarballAndFollowsTheReleaseToSuccess() throws Exception {
        loggedIn();
        Path app = Files.createDirectories(work.resolve("hello"));
        Files.writeString(app.resolve("Procfile"), "web: python3 app.py\n");
        Files.writeString(app.resolve("app.py"), "print('hi')\n");
        String pending = "{\"id\":\"r3\",\"version\":3,\"status\":\"pending\"}";
        api.on("POST", "/v1/apps/hello/deploys", 201, pending);
        api.on("GET", "/v1/apps/hello/deploys/r3", 200, "{\"id\":\"r3\",\"version\":3,\"status\":\"running\"}");
        api.on("GET", "/v1/apps/hello/deploys/r3", 200, "{\"id\":\"r3\",\"version\":3,\"status\":\"succeeded\"}");
        api.on("GET", "/v1/apps/hello/logs", 200, "{\"lines\":[{\"ts\":\"2025-01-01T00:00:01Z\",\"process\":\"web\",\"instance\":\"web.1\","
                + "\"stream\":\"stdout\",\"message\":\"listening\"}],\"next_cursor\":null}");
        api.on("GET", "/v1/apps/hello", 200, APP);

        CliRun run = paas("deploy", "hello", "--app", "hello", "-m", "first deploy");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Packed ").contains(": 2 files")
                .contains("Created release v3 of hello (pending)")
                .contains("v3 running").contains("v3 succeeded")
                .contains("  2025-01-01T00:00:01Z web.1: listening")
                .contains("v3 is live at http://127.0.0.1:41000");
        assertThat(run.out().indexOf("listening")).isEqualTo(run.out().lastIndexOf("listening"));
        StubApi.Request upload = api.requests("POST", "/v1/apps/hello/deploys").get(0);
        assertThat(upload.headers().get("Content-type")).containsExactly("application/gzip");
        assertThat(upload.query()).isEqualTo("description=first+deploy");
        assertThat(upload.body()[0] & 0xff).isEqualTo(0x1f); // gzip magic
        assertThat(upload.body()[1] & 0xff).isEqualTo(0x8b);
        assertThat(Files.readString(app.resolve(".paas"))).contains("app=hello");
    }

    @Test
    void aFailedReleaseExitsWithOneAndItsReason() throws Exception {
        loggedIn();
        Path app = Files.createDirectories(work.resolve("bad"));
        Files.writeString(app.resolve("Procfile"), "web: false\n");
        Files.writeString(app.resolve(".paas"), "app=hello\n");
        api.on("POST", "/v1/apps/hello/deploys", 201, "{\"id\":\"r4\",\"version\":4,\"status\":\"pending\"}");
        api.on("GET", "/v1/apps/hello/deploys/r4", 200,
                "{\"id\":\"r4\",\"version\":4,\"status\":\"failed\",\"status_reason\":\"web exited with code 1\"}");
        api.on("GET", "/v1/apps/hello", 200, APP);
        CliRun run = CliRun.run(env, app, "", "deploy");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("v4 failed: web exited with code 1");
        assertThat(run.err()).isEqualTo("error: release v4 of hello failed: web exited with code 1; v2 keeps serving\n");

        api.onFromNow("GET", "/v1/apps/hello", 200, APP.replace(
                "{\"id\":\"r2\",\"version\":2,\"status\":\"succeeded\"}", "null"));
        CliRun first = CliRun.run(env, app, "", "deploy");
        assertThat(first.err()).isEqualTo("error: release v4 of hello failed: web exited with code 1; nothing of hello is serving\n");
    }

    @Test
    void deployRefusesADirectoryWithoutProcfileAndMixedSources() throws Exception {
        loggedIn();
        Files.createDirectories(work.resolve("empty"));
        assertOneLineError(paas("deploy", "empty", "-a", "hello"), 1, "has no Procfile");
        assertOneLineError(paas("deploy", "empty", "--image", "x:1", "-a", "hello"), 2, "give either DIR or --image");
        assertOneLineError(paas("deploy", "--image", "x:1", "-a", "hello"), 2, "--image needs at least one --process");
        assertThat(api.requests).isEmpty();
    }

    @Test
    void imageDeploySendsTheImageAndProcessCommands() {
        loggedIn();
        api.on("POST", "/v1/apps/hello/deploys", 201, "{\"id\":\"r5\",\"version\":5,\"status\":\"pending\"}");
        CliRun run = paas("deploy", "--image", "registry/x:1", "--process", "web=./server --port 80", "-a", "hello", "--no-wait");
        assertThat(run.exitCode()).isZero();
        assertThat(api.requests.get(0).bodyText())
                .isEqualTo("{\"image\":\"registry/x:1\",\"processes\":{\"web\":{\"command\":\"./server --port 80\"}}}");
    }

    @Test
    void rollbackWithoutVersionPicksTheNewestSuccessfulReleaseBeforeTheCurrent() {
        loggedIn();
        api.on("GET", "/v1/apps/hello/deploys", 200, "{\"items\":["
                + "{\"id\":\"r4\",\"version\":4,\"status\":\"succeeded\",\"current\":true},"
                + "{\"id\":\"r3\",\"version\":3,\"status\":\"failed\",\"current\":false},"
                + "{\"id\":\"r2\",\"version\":2,\"status\":\"superseded\",\"current\":false},"
                + "{\"id\":\"r1\",\"version\":1,\"status\":\"superseded\",\"current\":false}],\"next_cursor\":null}");
        api.on("POST", "/v1/apps/hello/deploys/v2/rollback", 201, "{\"id\":\"r5\",\"version\":5,\"status\":\"pending\",\"rollback_of\":2}");
        CliRun run = paas("rollback", "-a", "hello", "--no-wait");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Rolling back hello to v2: created release v5 (pending)\n");
    }

    @Test
    void logsTailPrintsRecentLinesThenStreamedOnesEachOnce() {
        loggedIn();
        String l1 = "{\"ts\":\"2025-01-01T00:00:01Z\",\"process\":\"web\",\"instance\":\"web.1\",\"stream\":\"stdout\",\"message\":\"one\"}";
        String l2 = "{\"ts\":\"2025-01-01T00:00:02Z\",\"process\":\"worker\",\"instance\":\"worker.1\",\"stream\":\"stdout\",\"message\":\"two\"}";
        api.on("GET", "/v1/apps/hello/logs", 200, "{\"lines\":[" + l1 + "],\"next_cursor\":null}");
        // the stream repeats the last line already shown, sends a comment, then a new line, and ends
        api.on("GET", "/v1/apps/hello/logs", 200, "data: " + l1 + "\n\n: keep-alive\n\ndata: " + l2 + "\n\n");
        CliRun run = paas("logs", "--tail", "-a", "hello", "--since", "15m", "-p", "web");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("2025-01-01T00:00:01Z web.1: one\n2025-01-01T00:00:02Z worker.1: two\n");
        List<StubApi.Request> calls = api.requests("GET", "/v1/apps/hello/logs");
        assertThat(calls.get(0).query()).startsWith("since=").contains("&process=web&limit=100");
        assertThat(calls.get(1).query()).isEqualTo("follow=true&process=web&since=2025-01-01T00%3A00%3A01Z");
        assertThat(calls.get(1).headers().get("Accept")).containsExactly("text/event-stream");
    }

    @Test
    void logsRefusesAnUnreadableSince() {
        loggedIn();
        assertOneLineError(paas("logs", "-a", "hello", "--since", "yesterday"), 2, "--since 'yesterday': expected 30s, 15m, 2h, 1d");
        assertThat(api.requests).isEmpty();
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("signup", "login", "logout", "whoami", "apps", "apps:create", "apps:info",
                "apps:rename", "apps:destroy", "apps:restore", "deploy", "releases", "rollback", "ps", "ps:scale",
                "restart", "config", "config:set", "config:unset", "logs", "metrics", "addons", "addons:create",
                "addons:destroy", "completion")) {
            CliRun run = paas(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: paas " + command);
        }
    }

    @Test
    void completionPrintsABashScript() {
        CliRun run = paas("completion", "bash");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F").contains("apps:create");
        assertOneLineError(paas("completion", "fish"), 2, "unsupported shell 'fish'");
    }

    @Test
    void anInvalidApiUrlIsAUsageError() {
        loggedIn();
        assertOneLineError(paas("apps", "--api", "ftp://x"), 2, "must start with http:// or https://");
    }
}

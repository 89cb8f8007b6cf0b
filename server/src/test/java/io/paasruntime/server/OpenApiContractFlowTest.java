package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract end to end: one representative flow over every operation — signup, login, apps,
 * a deploy of the example app, releases, processes, config, logs, metrics, add-ons — and the
 * errors 400, 401, 404, 405, 409, 413 and 429. {@link TestServer} checks each answer against the
 * served document as it arrives (status, required headers, body schema); this test adds that the
 * flow answered every documented operation with a success, so no operation goes unchecked.
 */
class OpenApiContractFlowTest {
    private static final int PER_TOKEN = 150;
    private static final int PER_ADDRESS = 12;

    @TempDir
    static Path dataDir;
    static TestServer api;

    @BeforeAll
    static void start() throws Exception {
        // the apps run as another user, who must be able to pass through the data directory
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx--x--x"));
        api = TestServer.start(dataDir, Map.of("server.rate-limit.authenticated", Integer.toString(PER_TOKEN),
                "server.rate-limit.anonymous", Integer.toString(PER_ADDRESS)));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void everyDocumentedOperationAnswersAsDocumentedInOneFlow() throws Exception {
        // open routes
        ok(api.get("/v1/healthz", null), 200);
        ok(api.get("/v1/openapi.json", null), 200);
        ok(api.get("/v1/openapi.yaml", null), 200);
        ok(api.get("/v1/auth/jwks", null), 200);
        String signupBody = "{\"email\":\"flow@example.com\",\"password\":\"flow-password-1\",\"tenant\":\"flowers\"}";
        ok(api.send("POST", "/v1/signup", null, signupBody, "Idempotency-Key", "signup-1"), 201);
        TestServer.Response replay = ok(api.send("POST", "/v1/signup", null, signupBody, "Idempotency-Key", "signup-1"), 201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        api.send("POST", "/v1/signup", null, signupBody.replace("flowers", "others"), "Idempotency-Key", "signup-1")
                .assertError(409, "conflict");
        api.post("/v1/signup", null, "{\"email\":\"not-an-email\"}").assertError(400, "validation_failed");
        String login = "{\"email\":\"flow@example.com\",\"password\":\"flow-password-1\"}";
        ok(api.post("/api/v1/auth/login", null, login), 200);
        TestServer.Response token = api.post("/v1/auth/login", null, login);
        ok(token, 200);
        String t = token.json().get("access_token").asText();
        api.post("/v1/auth/login", null, login.replace("flow-password-1", "wrong-password"))
                .assertError(401, "unauthorized");

        // apps
        api.get("/v1/apps", null).assertError(401, "unauthorized");
        api.get("/v1/apps", "not.a.token").assertError(401, "unauthorized");
        TestServer.Response created = api.post("/v1/apps", t, "{\"name\":\"flow\"}");
        ok(created, 201);
        api.post("/v1/apps", t, "{\"name\":\"flow\"}").assertError(409, "conflict");
        api.post("/v1/apps", t, "{\"name\":\"Not A Label\"}").assertInvalid("name");
        api.post("/v1/apps", t, "{\"name\":\"" + "x".repeat(1_100_000) + "\"}").assertError(413, "validation_failed");
        ok(api.get("/v1/apps?limit=1", t), 200);
        api.get("/v1/apps?limit=500", t).assertInvalid("limit");
        ok(api.get("/v1/apps/flow", t), 200);
        api.get("/v1/apps/nowhere", t).assertError(404, "not_found");
        ok(api.patch("/v1/apps/flow", t, "{\"name\":\"flow-two\"}"), 200);
        ok(api.patch("/v1/apps/flow-two", t, "{\"name\":\"flow\"}"), 200);

        // deploys, releases and what runs
        TestServer.Response deploy = api.send(HelloApp.deployRequest(api.server().baseUri(), t, "flow",
                HelloApp.artifact(dataDir)).build());
        ok(deploy, 201);
        HelloApp.awaitCurrent(path -> api.get(path, t), "flow", 1);
        api.post("/v1/apps/flow/deploys", t, "{\"image\":\"registry.example.com/flow:1\"}")
                .assertError(400, "validation_failed");
        ok(api.get("/v1/apps/flow/deploys", t), 200);
        ok(api.get("/v1/apps/flow/deploys/v1", t), 200);
        api.get("/v1/apps/flow/deploys/v9", t).assertError(404, "not_found");
        ok(api.get("/v1/apps/flow/config", t), 200);
        ok(api.patch("/v1/apps/flow/config", t, "{\"GREETING\":\"hello\"}"), 200);
        api.patch("/v1/apps/flow/config", t, "{\"GREETING\":3}").assertInvalid("GREETING");
        HelloApp.awaitCurrent(path -> api.get(path, t), "flow", 2);
        ok(api.post("/v1/apps/flow/deploys/v1/rollback", t, null), 201);
        HelloApp.awaitCurrent(path -> api.get(path, t), "flow", 3);
        ok(api.get("/v1/apps/flow/processes", t), 200);
        ok(api.patch("/v1/apps/flow/processes/worker", t, "{\"replicas\":1}"), 200);
        api.patch("/v1/apps/flow/processes/nope", t, "{\"replicas\":1}").assertError(404, "not_found");
        api.patch("/v1/apps/flow/processes/web", t, "{\"replicas\":99}").assertInvalid("replicas");
        ok(api.post("/v1/apps/flow/restart?type=worker", t, null), 202);
        Await.until(Duration.ofSeconds(60), "the restarted worker up", () -> {
            JsonNode processes = api.get("/v1/apps/flow/processes", t).json();
            return HelloApp.allUp(processes, "worker", 1) && HelloApp.allUp(processes, "web", 1) ? processes : null;
        });
        ok(api.get("/v1/apps/flow/logs?limit=5", t), 200);
        api.get("/v1/apps/flow/logs?since=yesterday-ish", t).assertInvalid("since");
        ok(api.get("/v1/apps/flow/metrics?kind=memory&range=5m", t), 200);
        api.get("/v1/apps/flow/metrics?kind=temperature", t).assertInvalid("kind");

        // add-ons
        TestServer.Response addon = api.post("/v1/addons/database", t, "{\"app\":\"flow\"}");
        ok(addon, 201);
        String addonId = addon.json().get("id").asText();
        ok(api.get("/v1/apps/flow/addons", t), 200);
        ok(api.get("/v1/addons/" + addonId, t), 200);
        ok(api.delete("/v1/addons/" + addonId, t), 200);
        api.get("/v1/addons/00000000-0000-7000-8000-000000000000", t).assertError(404, "not_found");

        // soft delete and restore, once the releases the add-on made have settled: a delete during a
        // rollout waits for it (the local orchestrator stops the app after the rollout's changes)
        Await.until(Duration.ofSeconds(90), "the newest release settled", () -> {
            String status = api.get("/v1/apps/flow/deploys?limit=1", t).json().at("/items/0/status").asText();
            return status.equals("succeeded") || status.equals("failed") ? status : null;
        });
        ok(api.delete("/v1/apps/flow", t), 200);
        api.get("/v1/apps/flow", t).assertError(404, "not_found");
        JsonNode restorable = api.get("/v1/apps?deleted=true", t).json();
        String id = restorable.get("items").get(0).get("id").asText();
        ok(api.post("/v1/apps/" + id + "/restore", t, null), 200);
        api.post("/v1/apps/" + id + "/restore", t, null).assertError(409, "conflict");

        // no such route or method: the error envelope, 404 or 405
        api.get("/v1/nothing-here", t).assertError(404, "not_found");
        api.delete("/v1/healthz", null).assertError(405, "not_found");

        // budgets: both run out with 429 and Retry-After
        TestServer.Response limited;
        do {
            limited = api.get("/v1/apps", t);
        } while (limited.status() == 200);
        limited.assertError(429, "rate_limited");
        do {
            limited = api.post("/v1/auth/login", null, login);
        } while (limited.status() == 200);
        limited.assertError(429, "rate_limited");

        Set<String> documented = new TreeSet<>();
        api.server().routing().endpoints().forEach(e -> documented.add(e.method().text() + " " + e.path()));
        Set<String> succeeded = new TreeSet<>();
        for (String seen : api.contract().checked()) {
            if (seen.matches(".* 2\\d\\d")) {
                succeeded.add(seen.substring(0, seen.lastIndexOf(' ')));
            }
        }
        assertThat(succeeded).as("operations this flow saw succeed, checked against the document")
                .isEqualTo(documented);
        assertThat(api.contract().checked()).as("errors checked against the document").contains(
                "POST /v1/signup 400", "POST /v1/signup 409", "POST /v1/auth/login 401", "GET /v1/apps 401",
                "POST /v1/apps 409", "POST /v1/apps 413", "GET /v1/apps/{id} 404", "GET /v1/apps 429",
                "POST /v1/auth/login 429", "POST /v1/apps/{id}/restore 409", "GET (no route) 404",
                "DELETE (no route) 405");
    }

    private static TestServer.Response ok(TestServer.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response;
    }
}

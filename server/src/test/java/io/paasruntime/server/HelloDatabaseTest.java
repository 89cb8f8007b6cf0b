package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's add-on step for real: the example app runs on the local orchestrator, a database is
 * attached (a new release brings DATABASE_URL), and the app's {@code /db} route counts visits in it.
 */
class HelloDatabaseTest {
    @TempDir
    static Path dataDir;
    static TestServer api;
    static String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        // the apps run as another user, who must be able to pass through the data directory
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx--x--x"));
        api = TestServer.start(dataDir, Map.of());
        token = api.signupAndLogin("hello@example.com", "hello-db-pw", "hello");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theExampleAppCountsVisitsInItsAttachedDatabase() throws Exception {
        assertThat(api.post("/v1/apps", token, "{\"name\":\"hello\"}").status()).isEqualTo(201);
        TestServer.Response deploy = api.send(HttpRequest.newBuilder(api.uri("/v1/apps/hello/deploys"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(helloArtifact())).build());
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);
        String webUrl = awaitCurrentVersion(1).get("web_url").asText();
        assertThat(get(webUrl + "/db").statusCode()).isEqualTo(503);

        TestServer.Response addon = api.post("/v1/addons/database", token, "{\"app\":\"hello\"}");
        assertThat(addon.status()).as(addon.body()).isEqualTo(201);
        awaitCurrentVersion(2);

        assertThat(get(webUrl + "/db").body()).isEqualTo("visits: 1\n");
        assertThat(get(webUrl + "/db").body()).isEqualTo("visits: 2\n");

        assertThat(api.delete("/v1/addons/" + addon.json().get("id").asText(), token).status()).isEqualTo(200);
        awaitCurrentVersion(3);
        assertThat(get(webUrl + "/db").statusCode()).isEqualTo(503);
    }

    private JsonNode awaitCurrentVersion(int version) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode app = api.get("/v1/apps/hello", token).json();
            if (app.at("/current_release/version").asInt() == version && !app.get("web_url").isNull()) {
                return app;
            }
            assertThat(Instant.now()).as("release v%d current within 60 s: %s", version, app).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] helloArtifact() throws IOException, InterruptedException {
        Path tarball = dataDir.resolve("hello.tgz");
        Process tar = new ProcessBuilder("tar", "-czf", tarball.toString(), "-C", "../examples/apps/hello", ".")
                .inheritIO().start();
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        return Files.readAllBytes(tarball);
    }
}

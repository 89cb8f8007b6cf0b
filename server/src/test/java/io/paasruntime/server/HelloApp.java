package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example app of {@code examples/apps/hello} (a python web process and a shell worker) as the
 * deploys of the end-to-end tests see it: its tarball, the deploy request and the waits after it.
 */
final class HelloApp {
    private HelloApp() {
    }

    /** {@code examples/apps/hello} packed as a {@code .tar.gz} deploy body, written below {@code workDir}. */
    static byte[] artifact(Path workDir) throws IOException, InterruptedException {
        Path tarball = Files.createTempFile(workDir, "hello", ".tgz");
        Process tar = new ProcessBuilder("tar", "-czf", tarball.toString(), "-C", "../examples/apps/hello", ".")
                .inheritIO().start();
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        return Files.readAllBytes(tarball);
    }

    /** A {@code POST /v1/apps/{app}/deploys} request carrying {@code body} as {@code application/gzip}. */
    static HttpRequest.Builder deployRequest(java.net.URI base, String token, String app, byte[] body) {
        return HttpRequest.newBuilder(base.resolve("/v1/apps/" + app + "/deploys")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** Waits until release {@code version} is the app's current one and it has a web_url; answers the app. */
    static JsonNode awaitCurrent(Function<String, TestServer.Response> get, String app, int version) throws Exception {
        return Await.until(Duration.ofSeconds(90), "v" + version + " of " + app + " current with a web_url", () -> {
            JsonNode json = get.apply("/v1/apps/" + app).json();
            return json.at("/current_release/version").asInt() == version && !json.path("web_url").isNull()
                    && json.path("web_url").isTextual() ? json : null;
        });
    }

    /** The instances of one process type in {@code GET /v1/apps/{app}/processes}. */
    static List<JsonNode> instances(JsonNode processes, String type) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode t : processes.get("types")) {
            if (t.get("type").asText().equals(type)) {
                t.get("instances").forEach(found::add);
            }
        }
        return found;
    }

    /** Whether the type has exactly {@code count} instances, all {@code up}. */
    static boolean allUp(JsonNode processes, String type, int count) {
        List<JsonNode> instances = instances(processes, type);
        return instances.size() == count && instances.stream().allMatch(i -> i.get("state").asText().equals("up"));
    }
}

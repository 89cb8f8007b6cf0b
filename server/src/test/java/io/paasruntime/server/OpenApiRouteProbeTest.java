package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes the server answers are the operations the document lists: each documented operation
 * reaches a handler (no 405, no "no route" 404), every other method on a documented path is 405,
 * an undocumented path is 404, and the only other routes are the static pages named in
 * {@link OpenApiContract#NON_API_ROUTES}.
 */
class OpenApiRouteProbeTest {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @TempDir
    static Path dataDir;
    static TestServer api;
    static String token;
    static JsonNode doc;

    @BeforeAll
    static void start() {
        api = TestServer.start(dataDir, Map.of());
        token = api.signupAndLogin("probe@example.com", "probe-password", "probers");
        doc = api.get("/v1/openapi.json", null).json();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void everyDocumentedOperationReachesItsHandler() {
        List<String> unanswered = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase();
            String concrete = concrete(path.getKey());
            boolean body = op.getValue().has("requestBody");
            TestServer.Response r = api.send(method, concrete, token, body ? "{}" : null);
            boolean noRoute = r.status() == 404 && r.json().at("/error/message").asText().startsWith("no route");
            if (r.status() == 405 || noRoute) {
                unanswered.add(method + " " + path.getKey() + " → " + r.status() + " " + r.body());
            }
        }));
        assertThat(unanswered).isEmpty();
    }

    @Test
    void everyOtherMethodOnADocumentedPathIs405WithAllow() {
        doc.get("paths").fieldNames().forEachRemaining(template -> {
            String concrete = concrete(template);
            // /v1/addons/database is also an {id} of /v1/addons/{id}: every template that fits counts
            Set<String> allowed = new TreeSet<>();
            doc.get("paths").properties().forEach(other -> {
                if (fits(other.getKey(), concrete)) {
                    other.getValue().fieldNames().forEachRemaining(m -> allowed.add(m.toUpperCase()));
                }
            });
            for (String method : METHODS) {
                if (!allowed.contains(method)) {
                    TestServer.Response r = api.send(method, concrete, token, null)
                            .assertError(405, "not_found");
                    assertThat(new TreeSet<>(List.of(r.header("Allow").split(",\\s*")))).as(method + " " + concrete)
                            .isEqualTo(allowed);
                }
            }
        });
    }

    private static String concrete(String template) {
        return template.replace("{id}", "probe-app").replace("{rid}", "v1").replace("{type}", "web");
    }

    private static boolean fits(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (!t[i].startsWith("{") && !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anUndocumentedPathIs404() {
        for (String path : List.of("/v1", "/v1/app", "/v1/apps/x/y/z/w", "/v2/apps", "/v1/openapi")) {
            TestServer.Response r = api.get(path, token).assertError(404, "not_found");
            assertThat(r.json().at("/error/message").asText()).startsWith("no route");
        }
    }

    @Test
    void theOnlyOtherRoutesAreTheDashboardAndSwaggerUi() throws Exception {
        assertThat(OpenApiContract.NON_API_ROUTES)
                .containsExactly("GET /", "GET /runtime/dashboard/**", "GET /v1/docs/**");
        TestServer.Response root = api.get("/", null);
        assertThat(root.status()).isEqualTo(307);
        assertThat(root.header("Location")).isEqualTo("/runtime/dashboard/");
        assertThat(api.get("/runtime/dashboard/", null).status()).isEqualTo(200);
        TestServer.Response docs = api.get("/v1/docs", null);
        assertThat(docs.status()).isEqualTo(307);
        assertThat(docs.header("Location")).isEqualTo("/v1/docs/");
        TestServer.Response page = api.get("/v1/docs/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("vendor/swagger-ui-bundle.js", "init.js");
        TestServer.Response init = api.get("/v1/docs/init.js", null);
        assertThat(init.body()).contains("../openapi.json", "persistAuthorization: true");
        // not through TestServer, whose check for stack traces in bodies would trip over minified code
        HttpResponse<Void> bundle = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                api.uri("/v1/docs/vendor/swagger-ui-bundle.js")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        api.get("/v1/docs/vendor/no-such-file.js", null).assertError(404, "not_found");
    }
}

package io.paasruntime.server.openapi;

import io.paasruntime.core.accounts.SignupView;
import io.paasruntime.core.addons.AddonView;
import io.paasruntime.core.apps.AppView;
import io.paasruntime.core.errors.FieldProblem;
import io.paasruntime.core.processes.ProcessesView;
import io.paasruntime.core.releases.ReleaseView;
import io.paasruntime.core.support.PageView;
import io.paasruntime.core.telemetry.LogsView;
import io.paasruntime.core.telemetry.MetricsView;
import io.paasruntime.server.api.AddonsService;
import io.paasruntime.server.api.AppsService;
import io.paasruntime.server.api.AuthService;
import io.paasruntime.server.api.DeploysService;
import io.paasruntime.server.api.HealthService;
import io.paasruntime.server.api.ProcessesService;
import io.paasruntime.server.http.BodyTypes;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One example per body type, built from the real records so an example cannot have another shape
 * than its type (the document's tests also validate every example against its schema). A body type
 * without an example fails the document's build, and with it the tests.
 */
final class ApiExamples {
    static final String REQUEST_ID = "req_01JNQ2Z8W4K3M5T7V9XBCDEFGH";
    private static final String APP_ID = "0190b3c2-7f4e-7a51-9d2e-3b1f6c0a8e21";
    private static final String RELEASE_ID = "0190b3c4-1b2a-7d10-8e55-6a9c0f3b2e47";
    private static final String CREATED = "2026-03-02T09:14:07.512Z";
    private static final String UPDATED = "2026-03-02T10:02:41.090Z";
    private static final String USER = "ada@example.com";

    private static final AppView APP = new AppView(APP_ID, "my-app", "local", CREATED, UPDATED, null,
            new AppView.CurrentRelease(RELEASE_ID, 2, "succeeded"), "http://127.0.0.1:41871");
    private static final ReleaseView RELEASE = new ReleaseView(RELEASE_ID, APP_ID, 2, "succeeded", null,
            "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "artifact",
            Map.of("web", new ReleaseView.ProcessCommand("python3 -m http.server $PORT")), List.of("GREETING"),
            "fix the greeting", null, UPDATED, USER, true);
    private static final ProcessesView.TypeView WEB = new ProcessesView.TypeView("web", "python3 -m http.server $PORT",
            2, "standard", List.of(new ProcessesView.InstanceView("web.1", "up", UPDATED, 0, 40123),
            new ProcessesView.InstanceView("web.2", "up", UPDATED, 0, 40124)));
    private static final AddonView ADDON = new AddonView("0190b3c5-44d0-7b6e-a1f2-c3d4e5f60718", APP_ID, "postgresql",
            "postgresql-fluffy-42", "dev", "available", "DATABASE_URL", UPDATED);
    private static final Type CONFIG = BodyTypes.mapOf(String.class, String.class);

    private static final Map<Type, Object> REQUESTS = new HashMap<>();
    private static final Map<Type, Object> RESPONSES = new HashMap<>();

    static {
        REQUESTS.put(AuthService.LoginBody.class, new AuthService.LoginBody(USER, "correct horse battery"));
        REQUESTS.put(AuthService.SignupBody.class, new AuthService.SignupBody(USER, "correct horse battery", "acme"));
        REQUESTS.put(AppsService.CreateAppBody.class, new AppsService.CreateAppBody("my-app", null));
        REQUESTS.put(AppsService.UpdateAppBody.class, new AppsService.UpdateAppBody("my-renamed-app"));
        REQUESTS.put(DeploysService.ImageDeployBody.class, new DeploysService.ImageDeployBody(
                "registry.example.com/acme/my-app:1.4.2",
                Map.of("web", new DeploysService.ProcessBody("bin/server --port $PORT")), "release 1.4.2"));
        Map<String, String> configChange = new LinkedHashMap<>();
        configChange.put("GREETING", "hello");
        configChange.put("OLD_FLAG", null);
        REQUESTS.put(CONFIG, configChange);
        REQUESTS.put(ProcessesService.ScaleBody.class, new ProcessesService.ScaleBody(2, null));
        REQUESTS.put(ProcessesService.RestartBody.class, new ProcessesService.RestartBody("web"));
        REQUESTS.put(AddonsService.CreateDatabaseBody.class, new AddonsService.CreateDatabaseBody("my-app", null, null));

        RESPONSES.put(AuthService.TokenView.class, new AuthService.TokenView("eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl",
                "Bearer", 3600));
        RESPONSES.put(SignupView.class, new SignupView(new SignupView.UserView("0190b3c1-0d2e-7f00-9b1a-5c6d7e8f9a0b", USER),
                new SignupView.TenantView("0190b3c1-0d2e-7f00-9b1a-5c6d7e8f9a0c", "acme")));
        RESPONSES.put(JsonNode.class, Map.of("keys", List.of(Map.of("kty", "RSA", "use", "sig", "alg", "RS256",
                "kid", "k1", "e", "AQAB", "n", "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1Wl"))));
        RESPONSES.put(HealthService.Health.class, new HealthService.Health("ok", Map.of("identity", "local",
                "orchestrator", "local", "store", "jdbc")));
        RESPONSES.put(AppView.class, APP);
        RESPONSES.put(BodyTypes.pageOf(AppView.class), new PageView<>(List.of(APP), null));
        RESPONSES.put(ReleaseView.class, RELEASE);
        RESPONSES.put(BodyTypes.pageOf(ReleaseView.class), new PageView<>(List.of(RELEASE),
                "cmVsZWFzZXM6MDE5MGIzYzQtMWIyYQ"));
        RESPONSES.put(CONFIG, Map.of("GREETING", "hello", "DATABASE_URL", "postgres://u_3f2a:…@127.0.0.1:5432/d_3f2a"));
        RESPONSES.put(ProcessesView.class, new ProcessesView(List.of(WEB)));
        RESPONSES.put(ProcessesView.TypeView.class, WEB);
        RESPONSES.put(AddonView.class, ADDON);
        RESPONSES.put(BodyTypes.pageOf(AddonView.class), new PageView<>(List.of(ADDON), null));
        RESPONSES.put(LogsView.class, new LogsView(List.of(
                new LogsView.LineView("2026-03-02T10:02:41.100000000Z", "web", "web.1", "stdout", "listening on 40123"),
                new LogsView.LineView("2026-03-02T10:02:43.517000000Z", "web", "web.1", "stdout", "GET / 200")),
                "bG9nczoxNzA5MzczNzYxMTAw"));
        RESPONSES.put(MetricsView.class, new MetricsView("cpu", "percent", "1h", 60, List.of(
                new MetricsView.SeriesView("web", List.of(List.of("2026-03-02T10:00:00Z", 3.5),
                        List.of("2026-03-02T10:01:00Z", 12.25))))));
        RESPONSES.put(Map.class, Map.of("openapi", "3.1.0", "info", Map.of("title", OpenApiDocument.TITLE,
                "version", "1.0.0"), "paths", Map.of()));
    }

    private static final Map<String, String> TEXT = Map.of(
            "application/yaml", "openapi: 3.1.0\ninfo:\n  title: " + OpenApiDocument.TITLE + "\n  version: 1.0.0\n",
            "text/event-stream", ": following\n\ndata: {\"ts\":\"2026-03-02T10:02:43.517000000Z\",\"process\":\"web\","
                    + "\"instance\":\"web.1\",\"stream\":\"stdout\",\"message\":\"GET / 200\"}\n\n: heartbeat\n\n");

    private ApiExamples() {
    }

    static Object request(Type type) {
        return find(REQUESTS, type, "request");
    }

    static Object response(Type type) {
        return find(RESPONSES, type, "response");
    }

    /** The example of a body that is not JSON, by media type. */
    static Optional<String> text(String mediaType) {
        return Optional.ofNullable(TEXT.get(mediaType));
    }

    static ErrorResponses.ErrorView error(ErrorResponses.Kind kind) {
        String message = switch (kind) {
            case BAD_REQUEST -> "name: must be 3-30 lowercase letters, digits or hyphens";
            case UNAUTHORIZED -> "missing bearer token";
            case FORBIDDEN -> "not allowed";
            case NOT_FOUND -> "app 'my-app' not found";
            case CONFLICT -> "an app named 'my-app' already exists";
            case PAYLOAD_TOO_LARGE -> "JSON bodies are limited to 1048576 bytes (1 MiB)";
            case TOO_MANY_REQUESTS -> "too many requests: 600 per minute allowed; retry in 12s";
            case INTERNAL -> "internal error; the server log has details under this request id";
            case UNAVAILABLE -> "the orchestrator is unavailable: connection refused";
        };
        List<FieldProblem> details = kind == ErrorResponses.Kind.BAD_REQUEST
                ? List.of(new FieldProblem("name", "must be 3-30 lowercase letters, digits or hyphens")) : null;
        return new ErrorResponses.ErrorView(new ErrorResponses.ErrorView.BodyView(kind.code, message, REQUEST_ID,
                UPDATED, details));
    }

    private static Object find(Map<Type, Object> examples, Type type, String direction) {
        Object example = examples.get(type);
        if (example == null) {
            throw new IllegalStateException("no " + direction + " example for " + type.getTypeName()
                    + ": add one to " + ApiExamples.class.getName());
        }
        return example;
    }
}

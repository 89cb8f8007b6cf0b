package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI at {@code /v1/docs} in headless Chromium: it loads the live document and lists the
 * operations, "Try it out" without a token gets 401, and after "Authorize" with a bearer token the
 * same call gets 200. A screenshot is left in {@code target/openapi/swagger-ui.png}.
 */
class SwaggerUiBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    static Path dataDir;
    static TestServer api;

    @BeforeAll
    static void start() throws Exception {
        assertThat(CHROMIUM).as("Chromium for the browser tests (.ci/run installs Debian's chromium)").isExecutable();
        OpenApiNodeTools.install();
        api = TestServer.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void swaggerUiListsTheOperationsAndAuthorizeMakesTryItOutWork() throws Exception {
        String token = api.signupAndLogin("swagger@example.com", "swagger-pw-1", "swaggers");
        Path screenshot = Path.of("target/openapi/swagger-ui.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        OpenApiNodeTools.Result run = OpenApiNodeTools.run(List.of("node", "swagger-ui.check.mjs",
                api.server().baseUri().toString(), token, screenshot.toString()), 120);
        System.out.println(run.output().replace(token, "<token>"));
        String last = run.output().strip().lines().reduce((a, b) -> b).orElse("{}");
        JsonNode result = TestServer.JSON.readTree(last);
        assertThat(run.exitCode()).as(last).isZero();

        List<String> operations = TestServer.JSON.convertValue(result.get("operations"),
                TestServer.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(operations).contains("POST /v1/apps", "GET /v1/apps", "POST /v1/apps/{id}/deploys",
                "PATCH /v1/apps/{id}/config", "POST /v1/auth/login");
        assertThat(operations).hasSize(api.server().routing().endpoints().size());
        assertThat(result.get("anonymousStatus").asText()).isEqualTo("401");
        assertThat(result.get("authorizedStatus").asText()).isEqualTo("200");
        assertThat(result.get("pageErrors")).isEmpty();
        assertThat(screenshot).isNotEmptyFile();
    }
}

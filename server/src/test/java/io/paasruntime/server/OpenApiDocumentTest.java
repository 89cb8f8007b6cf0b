package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasruntime.server.http.Access;
import io.paasruntime.server.http.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The served document lists exactly the registered routes, and each route answers as declared. */
class OpenApiDocumentTest {
    @TempDir
    static Path dataDir;
    static TestServer api;

    @BeforeAll
    static void start() {
        api = TestServer.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void everyRegisteredRouteIsInTheDocumentWithItsSecurity() {
        TestServer.Response response = api.get("/v1/openapi.json", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode doc = response.json();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");

        List<Endpoint> endpoints = api.server().routing().endpoints();
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(20);
        Set<String> operationIds = new HashSet<>();
        for (Endpoint e : endpoints) {
            JsonNode op = doc.get("paths").get(e.path()).get(e.method().text().toLowerCase());
            assertThat(op).as(e.method() + " " + e.path()).isNotNull();
            assertThat(op.get("operationId").asText()).isEqualTo(e.operationId());
            assertThat(operationIds.add(e.operationId())).as("unique operationId " + e.operationId()).isTrue();
            boolean open = op.has("security") && op.get("security").isEmpty();
            assertThat(open).as(e.operationId() + " open").isEqualTo(e.access() != Access.BEARER);
        }
        int documented = 0;
        for (JsonNode path : doc.get("paths")) {
            documented += path.size();
        }
        assertThat(documented).as("nothing documented that is not registered").isEqualTo(endpoints.size());
    }

    @Test
    void everyBearerRouteRefusesAnAnonymousCall() {
        for (Endpoint e : api.server().routing().endpoints()) {
            if (e.access() != Access.BEARER) {
                continue;
            }
            String path = e.path().replace("{id}", "some-app").replace("{rid}", "1").replace("{type}", "web");
            api.send(e.method().text(), path, null, e.requestBody().isPresent() ? "{}" : null)
                    .assertError(401, "unauthorized");
        }
    }

    @Test
    void theDesignsRoutesAreAllDeclared() {
        Set<String> routes = new HashSet<>();
        api.server().routing().endpoints().forEach(e -> routes.add(e.method().text() + " " + e.path()));
        assertThat(routes).contains("POST /v1/auth/login", "POST /api/v1/auth/login", "POST /v1/signup",
                "GET /v1/healthz", "GET /v1/apps", "POST /v1/apps", "GET /v1/apps/{id}", "PATCH /v1/apps/{id}",
                "DELETE /v1/apps/{id}", "POST /v1/apps/{id}/restore", "GET /v1/apps/{id}/deploys",
                "POST /v1/apps/{id}/deploys", "GET /v1/apps/{id}/deploys/{rid}",
                "POST /v1/apps/{id}/deploys/{rid}/rollback", "GET /v1/apps/{id}/config", "PATCH /v1/apps/{id}/config",
                "GET /v1/apps/{id}/processes", "PATCH /v1/apps/{id}/processes/{type}", "POST /v1/apps/{id}/restart",
                "GET /v1/openapi.json");
    }
}

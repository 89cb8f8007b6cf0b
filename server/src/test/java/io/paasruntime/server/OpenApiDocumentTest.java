package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasruntime.server.http.Access;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.http.Reply;
import io.paasruntime.server.openapi.OpenApiDocument;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The served document lists exactly the registered routes, is valid OpenAPI 3.1, and describes each
 * operation fully: security, error answers, headers, examples that fit their schemas. A route
 * missing any of its description cannot make a document.
 */
class OpenApiDocumentTest {
    @TempDir
    static Path dataDir;
    static TestServer api;
    static String json;
    static JsonNode doc;

    @BeforeAll
    static void start() {
        api = TestServer.start(dataDir, Map.of());
        TestServer.Response response = api.get("/v1/openapi.json", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        json = response.body();
        doc = response.json();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void everyRegisteredRouteIsInTheDocumentWithItsSecurity() {
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");

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
    void onlyAuthSignupHealthAndTheDocumentsAreOpen() {
        Set<String> open = new HashSet<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (op.getValue().has("security")) {
                open.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(open).containsExactlyInAnyOrder("POST /v1/auth/login", "POST /api/v1/auth/login",
                "POST /v1/signup", "GET /v1/auth/jwks", "GET /v1/healthz", "GET /v1/openapi.json",
                "GET /v1/openapi.yaml");
    }

    @Test
    void swaggerParserReadsItAsOpenApi31WithoutAMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.isOpenapi31()).isTrue();
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/v1/apps", "/v1/apps/{id}/deploys");
        assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKeys("App", "Release", "Error");
    }

    @Test
    void theYamlDocumentIsTheSameTree() {
        TestServer.Response yaml = api.get("/v1/openapi.yaml", null);
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        Object tree = new Yaml().load(yaml.body());
        JsonNode fromYaml = TestServer.JSON.valueToTree(tree);
        assertThat(fromYaml).isEqualTo(doc);
    }

    @Test
    void everyOperationDocumentsItsErrorsAndHeaders() {
        Map<String, Endpoint> endpoints = new java.util.HashMap<>();
        api.server().routing().endpoints().forEach(e -> endpoints.put(e.method().text() + " " + e.path(), e));
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String name = entry.getKey().toUpperCase() + " " + path.getKey();
            Set<Integer> declared = endpoints.get(name).failures();
            JsonNode op = entry.getValue();
            JsonNode responses = op.get("responses");
            assertThat(responses.has("500")).as(name).isTrue();
            boolean bearer = !op.has("security");
            boolean hasInput = op.has("requestBody") || op.has("parameters");
            assertThat(responses.has("401")).as(name + " 401").isEqualTo(bearer || declared.contains(401));
            assertThat(responses.has("400")).as(name + " 400").isEqualTo(hasInput);
            assertThat(responses.has("404")).as(name + " 404")
                    .isEqualTo(path.getKey().contains("{") || declared.contains(404));
            assertThat(responses.has("413")).as(name + " 413").isEqualTo(op.has("requestBody"));
            boolean limited = responses.has("429");
            assertThat(limited).as(name + " 429").isEqualTo(!name.endsWith("healthz") && !name.contains("openapi"));
            assertThat(responses.get("429") == null || responses.at("/429/$ref").asText()
                    .equals("#/components/responses/TooManyRequests")).isTrue();
            responses.properties().forEach(r -> {
                if (r.getKey().startsWith("2")) {
                    JsonNode headers = r.getValue().get("headers");
                    assertThat(headers.has("X-Request-Id")).as(name).isTrue();
                    assertThat(headers.has("RateLimit-Remaining")).as(name + " rate-limit headers").isEqualTo(limited);
                    assertThat(r.getValue().get("content").elements().next().has("example"))
                            .as(name + " " + r.getKey() + " example").isTrue();
                }
            });
            if (entry.getKey().equals("post")) {
                assertThat(op.get("parameters").findValuesAsText("$ref"))
                        .as(name).contains("#/components/parameters/IdempotencyKey");
            }
            if (op.has("requestBody") && op.at("/requestBody/content").has("application/json")) {
                assertThat(op.at("/requestBody/content/application~1json").has("example")).as(name).isTrue();
            }
        }));
        assertThat(doc.at("/components/headers/Retry-After/required").asBoolean()).isTrue();
        assertThat(doc.at("/components/responses/TooManyRequests/headers").has("Retry-After")).isTrue();
        assertThat(doc.at("/components/schemas/Error/required").toString()).isEqualTo("[\"error\"]");
        assertThat(doc.at("/components/schemas/ErrorBody/required").toString())
                .isEqualTo("[\"code\",\"message\",\"request_id\",\"ts\"]");
    }

    @Test
    void schemasFollowTheJsonTheServerWrites() {
        JsonNode app = doc.at("/components/schemas/App");
        assertThat(app.get("required").toString()).isEqualTo(
                "[\"id\",\"name\",\"region\",\"created_at\",\"updated_at\",\"deleted_at\",\"current_release\",\"web_url\"]");
        assertThat(app.at("/properties/deleted_at/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(app.at("/properties/deleted_at/format").asText()).isEqualTo("date-time");
        assertThat(app.at("/properties/name/type").asText()).isEqualTo("string");
        assertThat(app.at("/properties/current_release/anyOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/AppCurrentRelease");
        assertThat(app.at("/additionalProperties").asBoolean(true)).isFalse();
        assertThat(doc.at("/components/schemas/AppPage/properties/next_cursor/type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(doc.at("/components/schemas/Release/properties/rollback_of/type").toString())
                .isEqualTo("[\"integer\",\"null\"]");
        assertThat(doc.at("/components/schemas/Release/properties/status/enum").toString())
                .isEqualTo("[\"pending\",\"running\",\"succeeded\",\"failed\",\"superseded\"]");
        assertThat(doc.at("/components/schemas/CreateAppBody/required").toString()).isEqualTo("[\"name\"]");
        JsonNode configPatch = doc.at("/paths/~1v1~1apps~1{id}~1config/patch/requestBody/content/application~1json/schema");
        assertThat(configPatch.at("/additionalProperties/type").toString()).isEqualTo("[\"string\",\"null\"]");
        JsonNode deploy = doc.at("/paths/~1v1~1apps~1{id}~1deploys/post/requestBody/content");
        assertThat(deploy.at("/application~1gzip/schema/format").asText()).isEqualTo("binary");
        assertThat(deploy.at("/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/ImageDeployBody");
        assertThat(doc.at("/paths/~1v1~1apps~1{id}~1logs/get/responses/200/content").has("text/event-stream")).isTrue();
        assertThat(doc.at("/paths/~1v1~1apps~1{id}/get/parameters/0/description").asText())
                .isEqualTo("The app's id or its name.");
        assertThat(doc.at("/paths/~1v1~1addons~1{id}/get/parameters/0/description").asText())
                .isEqualTo("The add-on's id.");
    }

    @Test
    void everyExampleFitsItsSchema() {
        OpenApiContract contract = api.contract();
        List<String> problems = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String at = "/paths/" + path.getKey().replace("/", "~1") + "/" + op.getKey();
            JsonNode request = op.getValue().at("/requestBody/content/application~1json");
            if (!request.isMissingNode()) {
                problems.addAll(contract.validate(at + "/requestBody/content/application~1json/schema",
                        request.get("example").toString()));
            }
            op.getValue().get("responses").properties().forEach(r -> {
                JsonNode media = r.getValue().at("/content/application~1json");
                if (!media.isMissingNode()) {
                    problems.addAll(contract.validate(at + "/responses/" + r.getKey()
                            + "/content/application~1json/schema", media.get("example").toString()));
                }
            });
        }));
        doc.at("/components/responses").properties().forEach(r -> problems.addAll(contract.validate(
                "/components/schemas/Error", r.getValue().at("/content/application~1json/example").toString())));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTagIsDescribedOnce() {
        List<String> tags = doc.get("tags").findValuesAsText("name");
        assertThat(tags).contains("auth", "apps", "deploys", "processes", "config", "addons", "logs", "metrics",
                "health", "meta").doesNotHaveDuplicates();
        doc.get("tags").forEach(tag -> assertThat(tag.get("description").asText()).isNotBlank());
    }

    @Test
    void aRouteWithoutItsDescriptionCannotBeDeclaredOrDocumented() {
        assertThatThrownBy(() -> Endpoint.get("/v1/things").id("listThings").tag("apps").returns(200, String.class)
                .handle(ex -> Reply.ok("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("summary");
        assertThatThrownBy(() -> Endpoint.get("/v1/things").id("listThings").tag("apps").summary("Things")
                .handle(ex -> Reply.ok("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("response");

        record Thing(String name) {
        }
        Endpoint noExample = Endpoint.get("/v1/things").id("listThings").tag("apps").summary("Things")
                .returns(200, Thing.class).handle(ex -> Reply.ok(new Thing("x")));
        assertThatThrownBy(() -> OpenApiDocument.from(List.of(noExample), "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no response example for");
        Endpoint unknownTag = Endpoint.get("/v1/healthz").id("h").tag("gadgets").summary("Gadgets")
                .access(Access.PUBLIC).returns(200, Map.class).handle(ex -> Reply.ok(Map.of()));
        assertThatThrownBy(() -> OpenApiDocument.from(List.of(unknownTag), "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tag 'gadgets' has no description");
        Endpoint unknownParameter = Endpoint.get("/v1/gadgets/{gid}").id("g").tag("apps").summary("A gadget")
                .returns(200, Map.class).handle(ex -> Reply.ok(Map.of()));
        assertThatThrownBy(() -> OpenApiDocument.from(List.of(unknownParameter), "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("path parameter 'gid'");
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
                "GET /v1/apps/{id}/logs", "GET /v1/apps/{id}/metrics", "GET /v1/apps/{id}/addons",
                "POST /v1/addons/database", "GET /v1/addons/{id}", "DELETE /v1/addons/{id}",
                "GET /v1/apps/{id}/processes", "PATCH /v1/apps/{id}/processes/{type}", "POST /v1/apps/{id}/restart",
                "GET /v1/openapi.json", "GET /v1/openapi.yaml");
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
}

package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The served OpenAPI document used as a checker: every answer a test receives through
 * {@link TestServer} is matched to its operation (method and path template) and status, and must
 * carry the headers the document marks required and a body valid against the documented schema
 * (JSON Schema 2020-12, as OpenAPI 3.1 uses). An answer to a request no operation matches must be
 * a 404 or 405 error envelope. The routes that are not the API (dashboard, Swagger UI) are exempt.
 *
 * <p>What was checked is also recorded ("METHOD template status"), per server and per test JVM, so
 * a test can show which operations and statuses were exercised.
 */
final class OpenApiContract {
    /** Routes the server answers that are static pages, not API operations, so not in the document. */
    static final List<String> NON_API_ROUTES = List.of("GET /", "GET /runtime/dashboard/**", "GET /v1/docs/**");
    private static final String BASE = "https://paas-runtime.test/openapi.json";
    /** "METHOD template status" of every answer checked in this JVM. */
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private final JsonNode doc;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    OpenApiContract(String documentJson) {
        try {
            this.doc = TestServer.JSON.readTree(documentJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config).schemas(Map.of(BASE, documentJson)));
    }

    /** Every "METHOD template status" checked in this JVM. */
    static Set<String> seen() {
        return Set.copyOf(SEEN);
    }

    /** Every "METHOD template status" this contract checked. */
    Set<String> checked() {
        return Set.copyOf(checked);
    }

    private void record(String answer) {
        SEEN.add(answer);
        checked.add(answer);
    }

    /** What is wrong with this answer according to the document; empty when it conforms. */
    List<String> problems(String method, String path, TestServer.Response response) {
        List<String> problems = new ArrayList<>();
        if (isStaticPage(method, path)) {
            return problems;
        }
        Optional<String> template = template(method, path);
        JsonNode operation = template.map(t -> doc.get("paths").get(t).get(method.toLowerCase(Locale.ROOT)))
                .orElse(null);
        if (operation == null) {
            record(method + " (no route) " + response.status());
            if (response.status() != 404 && response.status() != 405) {
                problems.add("no documented operation, yet the answer is " + response.status() + ", not 404/405");
            }
            problems.addAll(validate("/components/schemas/Error", response.body()));
            return problems;
        }
        String status = Integer.toString(response.status());
        record(method + " " + template.get() + " " + status);
        String pointer = "/paths/" + escape(template.get()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
        JsonNode answer = operation.get("responses").get(status);
        if (answer == null) {
            problems.add("status " + status + " is not documented for " + method + " " + template.get()
                    + " (body: " + abbreviate(response.body()) + ")");
            return problems;
        }
        if (answer.has("$ref")) {
            pointer = answer.get("$ref").asText().substring(1);
            answer = doc.at(pointer);
        }
        for (var header : answer.path("headers").properties()) {
            JsonNode definition = resolve(header.getValue());
            String value = response.header(header.getKey());
            if (value == null) {
                if (definition.path("required").asBoolean()) {
                    problems.add("required header " + header.getKey() + " is missing");
                }
            } else if (definition.at("/schema/type").asText().equals("integer") && !value.matches("-?\\d+")) {
                problems.add("header " + header.getKey() + " should be an integer: " + value);
            }
        }
        String mediaType = Optional.ofNullable(response.header("Content-Type")).map(t -> t.split(";")[0].trim())
                .orElse("");
        JsonNode content = answer.path("content");
        if (!content.has(mediaType)) {
            problems.add("content type '" + mediaType + "' is not documented; documented: " + names(content));
        } else if (mediaType.equals("application/json")) {
            problems.addAll(validate(pointer + "/content/application~1json/schema", response.body()));
        }
        return problems;
    }

    /** What is wrong with {@code body} according to the schema at {@code pointer} in the document. */
    List<String> validate(String pointer, String body) {
        List<String> problems = new ArrayList<>();
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        for (Error error : errors) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage() + " (schema " + pointer + ")");
        }
        if (!errors.isEmpty()) {
            problems.add("body: " + abbreviate(body));
        }
        return problems;
    }

    /**
     * The documented path template of the operation {@code method path} reaches: among the templates
     * with that method that fit the path, the one with most literal segments (so {@code GET
     * /v1/addons/database} is {@code GET /v1/addons/{id}}, and {@code POST} of it is its own route).
     */
    Optional<String> template(String method, String path) {
        String best = null;
        int bestLiterals = -1;
        String[] actual = path.split("/", -1);
        for (var it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            String[] template = candidate.split("/", -1);
            if (template.length != actual.length || !doc.get("paths").get(candidate).has(method.toLowerCase(Locale.ROOT))) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                if (template[i].startsWith("{")) {
                    matches = !actual[i].isEmpty();
                } else {
                    matches = template[i].equals(actual[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = candidate;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isStaticPage(String method, String path) {
        for (String route : NON_API_ROUTES) {
            String[] parts = route.split(" ", 2);
            String pattern = parts[1];
            String prefix = pattern.endsWith("/**") ? pattern.substring(0, pattern.length() - 3) : null;
            boolean matches = prefix == null ? path.equals(pattern) : path.equals(prefix) || path.startsWith(prefix + "/");
            if (matches && (parts[0].equals(method) || method.equals("HEAD"))) {
                return true;
            }
        }
        return false;
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}

package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server on a free loopback port with its own data directory, driven over HTTP. Every
 * response it hands back has been checked for the invariants of the API: an {@code X-Request-Id}
 * header, no stack trace in the body, and a status, headers and body that the served OpenAPI
 * document allows for that operation ({@link OpenApiContract}).
 */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final PaasServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile OpenApiContract contract;

    private TestServer(PaasServer server) {
        this.server = server;
    }

    /** The served document as a checker of every answer; fetched once, directly (it checks itself elsewhere). */
    OpenApiContract contract() {
        if (contract == null) {
            try {
                HttpResponse<String> doc = http.send(HttpRequest.newBuilder(uri("/v1/openapi.json")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
                contract = new OpenApiContract(doc.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return contract;
    }

    static TestServer start(Path dataDir, Map<String, String> settings) {
        return start(ServerOptions.forDataDir(dataDir, settings));
    }

    static TestServer start(ServerOptions options) {
        return new TestServer(PaasServer.start(options));
    }

    PaasServer server() {
        return server;
    }

    URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    Response post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    Response patch(String path, String token, String json) {
        return send("PATCH", path, token, json);
    }

    Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    Response send(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Response r = new Response(response.statusCode(), response.headers().map(), response.body());
            assertThat(r.header("X-Request-Id")).as("X-Request-Id of %s %s", request.method(), request.uri())
                    .isNotNull();
            assertThat(r.body()).as("body of %s %s", request.method(), request.uri())
                    .doesNotContain("Exception").doesNotContain("at io.").doesNotContain("at java.");
            assertThat(contract().problems(request.method(), request.uri().getPath(), r))
                    .as("%s %s answered %s, which the OpenAPI document does not allow", request.method(),
                            request.uri(), r.status()).isEmpty();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs a new tenant up and returns a bearer token of its first user. */
    String signupAndLogin(String email, String password, String tenant) {
        Response signup = post("/v1/signup", null, "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"tenant\":\"" + tenant + "\"}");
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        return login(email, password);
    }

    String login(String email, String password) {
        Response login = post("/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("access_token").asText();
    }

    @Override
    public void close() {
        server.close();
    }

    /** One HTTP answer. */
    record Response(int status, Map<String, java.util.List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** Asserts the error envelope: status, code, the request id matching the header, a timestamp. */
        Response assertError(int expectedStatus, String code) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            JsonNode error = json().get("error");
            assertThat(error).as(body).isNotNull();
            assertThat(error.get("code").asText()).as(body).isEqualTo(code);
            assertThat(error.get("message").asText()).isNotBlank();
            assertThat(error.get("request_id").asText()).isEqualTo(header("X-Request-Id"));
            assertThat(error.get("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            return this;
        }

        /** Asserts a {@code validation_failed} answer naming {@code field}. */
        Response assertInvalid(String field) {
            assertError(400, "validation_failed");
            assertThat(json().at("/error/details").findValuesAsText("field")).as(body).contains(field);
            return this;
        }
    }
}

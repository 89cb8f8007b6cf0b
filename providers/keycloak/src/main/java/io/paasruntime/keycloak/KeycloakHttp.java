package io.paasruntime.keycloak;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.paasruntime.spi.ProviderException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The few HTTP exchanges the provider has with Keycloak, on one shared {@link HttpClient}. Anything
 * that keeps an answer from arriving (refused connection, timeout, 5xx) becomes {@code UNAVAILABLE};
 * every other status is handed back for the caller to judge. Request bodies are never logged or put
 * in messages: they hold passwords and secrets. Thread-safe.
 */
final class KeycloakHttp implements AutoCloseable {

    /** An answer from Keycloak. */
    record Reply(int status, String body, Optional<String> location) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The body as a JSON object; an empty map when it is empty or not an object. */
        Map<String, Object> json() {
            try {
                return body.isBlank() ? Map.of() : JSONObjectUtils.parse(body);
            } catch (ParseException e) {
                return Map.of();
            }
        }

        /** Keycloak's own explanation ({@code errorMessage}, {@code error_description} or {@code error}), if any. */
        String reason() {
            Map<String, Object> json = json();
            for (String key : new String[] {"errorMessage", "error_description", "error"}) {
                if (json.get(key) instanceof String s && !s.isBlank()) {
                    return s;
                }
            }
            return "HTTP " + status;
        }

        /** The last path segment of {@code Location}: the id Keycloak gave a created resource. */
        String createdId() {
            String loc = location.orElseThrow(() -> ProviderException.internal(
                    "Keycloak created a resource but named no Location", null));
            return loc.substring(loc.lastIndexOf('/') + 1);
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final String baseUrl;

    KeycloakHttp(Duration timeout, String baseUrl) {
        // HTTP/1.1: Keycloak's plain-HTTP listener gains nothing from an h2c upgrade attempt.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.baseUrl = baseUrl;
    }

    Reply postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(uri, Optional.empty()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply postJson(URI uri, String bearer, String json) {
        return send(request(uri, Optional.of(bearer)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply get(URI uri, Optional<String> bearer) {
        return send(request(uri, bearer).GET().build());
    }

    Reply delete(URI uri, String bearer) {
        return send(request(uri, Optional.of(bearer)).DELETE().build());
    }

    private HttpRequest.Builder request(URI uri, Optional<String> bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        bearer.ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        return builder;
    }

    private Reply send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ProviderException.unavailable("Keycloak at " + baseUrl + " is unreachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.unavailable("interrupted while calling Keycloak", e);
        }
        Reply reply = new Reply(response.statusCode(), response.body(), response.headers().firstValue("Location"));
        if (reply.status() >= 500) {
            throw ProviderException.unavailable("Keycloak at " + baseUrl + " answered HTTP " + reply.status(), null);
        }
        return reply;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}

package io.paasruntime.signoz;

import io.paasruntime.spi.ProviderException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Posts v5 queries to {@code <url>/api/v5/query_range} with the {@code SIGNOZ-API-KEY} header and
 * reads the answer's {@code data}. Every way SigNoz can fail — an error body, a non-2xx status, a
 * time-out, a refused connection, an answer that is not the documented shape — becomes
 * {@code UNAVAILABLE} with the reason (never the key). Thread-safe.
 */
final class SigNozClient implements AutoCloseable {
    static final String API_KEY_HEADER = "SIGNOZ-API-KEY";
    static final String QUERY_PATH = "/api/v5/query_range";

    private final SigNozSettings settings;
    private final HttpClient http;
    private final URI endpoint;

    SigNozClient(SigNozSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.endpoint = URI.create(settings.url() + QUERY_PATH);
    }

    /** The first query result of the answer to {@code body}: {@code data.data.results[0]}, or empty when there is none. */
    Map<String, Object> firstResult(Map<String, Object> body) {
        Map<String, Object> data = query(body);
        Object inner = data.get("data");
        if (!(inner instanceof Map<?, ?> innerMap)) {
            throw malformed("no data.data");
        }
        Object results = innerMap.get("results");
        if (results == null) {
            return Map.of();
        }
        if (!(results instanceof List<?> list)) {
            throw malformed("data.data.results is not a list");
        }
        if (list.isEmpty()) {
            return Map.of();
        }
        if (!(list.getFirst() instanceof Map<?, ?> first)) {
            throw malformed("a result is not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) first;
        return result;
    }

    /** The answer's {@code data} object. */
    Map<String, Object> query(Map<String, Object> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        settings.apiKey().ifPresent(key -> request.header(API_KEY_HEADER, key));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw ProviderException.unavailable("SigNoz at " + settings.url() + " did not answer within "
                    + settings.timeout().toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw ProviderException.unavailable("cannot reach SigNoz at " + settings.url() + ": connection refused", e);
        } catch (IOException e) {
            throw ProviderException.unavailable("cannot reach SigNoz at " + settings.url() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.unavailable("interrupted while querying SigNoz", e);
        }
        return answer(response.statusCode(), response.body());
    }

    private Map<String, Object> answer(int status, String text) {
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProviderException.unavailable("SigNoz answered " + status + " with a body that is not JSON", null);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw malformed("the answer is not an object");
        }
        if ("error".equals(map.get("status")) || status < 200 || status >= 300) {
            throw ProviderException.unavailable("SigNoz answered " + status + ": " + errorMessage(map), null);
        }
        if (!(map.get("data") instanceof Map<?, ?> data)) {
            throw malformed("no data object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) data;
        return result;
    }

    /** {@code error.message} (and its first detail), bounded, on one line. */
    private static String errorMessage(Map<?, ?> answer) {
        if (!(answer.get("error") instanceof Map<?, ?> error)) {
            return "no error details";
        }
        StringBuilder message = new StringBuilder(String.valueOf(error.get("message")));
        if (error.get("code") != null) {
            message.insert(0, error.get("code") + ": ");
        }
        if (error.get("errors") instanceof List<?> details && !details.isEmpty()
                && details.getFirst() instanceof Map<?, ?> first && first.get("message") != null) {
            message.append(" (").append(first.get("message")).append(")");
        }
        String text = message.toString().replaceAll("[\\r\\n\\t]+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private ProviderException malformed(String what) {
        return ProviderException.unavailable("SigNoz answered in an unexpected shape (" + what + ")", null);
    }

    @Override
    public void close() {
        http.close();
    }
}

package io.paasruntime.cli.api;

import io.paasruntime.cli.CliException;
import io.paasruntime.cli.json.JsonException;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.json.JsonWriter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The CLI's only way to the server: JSON over HTTP to {@code /v1}. Error answers become
 * {@link ApiException}; a server that cannot be reached becomes a one-line {@link CliException}.
 */
public final class ApiClient implements AutoCloseable {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(15);

    private final String base;
    private final Optional<String> token;
    private final String userAgent;
    private final HttpClient http;

    public ApiClient(String base, Optional<String> token, String userAgent) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.userAgent = userAgent;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (this.base.startsWith("http://")) {
            // The client otherwise loads the default TLS context and its CA certificates (a few
            // hundred milliseconds) even for plain HTTP; an unused, uninitialised one costs nothing.
            builder.sslContext(unusedTlsContext()).sslParameters(new SSLParameters());
        }
        this.http = builder.build();
    }

    private static SSLContext unusedTlsContext() {
        try {
            return SSLContext.getInstance("TLS");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no TLS implementation", e);
        }
    }

    public String base() {
        return base;
    }

    /**
     * Stops the client's selector thread. Without this the JVM's exit waits about 300 ms for that
     * thread, which sits in native code, before giving up on it.
     */
    @Override
    public void close() {
        http.shutdownNow();
        try {
            http.awaitTermination(Duration.ofMillis(200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public JsonNode get(ApiPath path) {
        return send(request(path, REQUEST_TIMEOUT).GET().build());
    }

    public JsonNode delete(ApiPath path) {
        return send(request(path, REQUEST_TIMEOUT).DELETE().build());
    }

    public JsonNode post(ApiPath path, Object body) {
        return send(withJson(request(path, REQUEST_TIMEOUT), "POST", body));
    }

    public JsonNode patch(ApiPath path, Object body) {
        return send(withJson(request(path, REQUEST_TIMEOUT), "PATCH", body));
    }

    /** POSTs a file as the body, reporting bytes handed to the connection so far. */
    public JsonNode upload(ApiPath path, Path file, String contentType, LongConsumer progress) {
        HttpRequest.BodyPublisher fileBody;
        try {
            fileBody = HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
        HttpRequest.BodyPublisher counted = HttpRequest.BodyPublishers.fromPublisher(
                subscriber -> fileBody.subscribe(new CountingSubscriber(subscriber, progress)), fileBody.contentLength());
        return send(request(path, UPLOAD_TIMEOUT).header("Content-Type", contentType)
                .POST(counted).build());
    }

    /**
     * Reads a server-sent event stream until the server closes it, handing each event's data
     * (its {@code data:} lines joined) to {@code events}.
     */
    public void stream(ApiPath path, Consumer<String> events) {
        HttpRequest req = request(path, null).setHeader("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> res = exchange(req, HttpResponse.BodyHandlers.ofInputStream());
        if (res.statusCode() >= 400) {
            try (InputStream in = res.body()) {
                throw error(res.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        res.headers().firstValue("X-Request-Id").orElse(""), req.uri());
            } catch (IOException e) {
                throw unreachable(e);
            }
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            List<String> data = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.accept(String.join("\n", data));
                        data.clear();
                    }
                } else if (line.startsWith("data:")) {
                    String d = line.substring(5);
                    data.add(d.startsWith(" ") ? d.substring(1) : d);
                }
            }
        } catch (IOException e) {
            throw new CliException("the log stream from " + base + " broke off: " + reason(e));
        }
    }

    private HttpRequest.Builder request(ApiPath path, Duration timeout) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(base + path));
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid API URL '" + base + "': " + e.getMessage(), 2);
        }
        b.header("Accept", "application/json").header("User-Agent", userAgent);
        if (timeout != null) {
            b.timeout(timeout);
        }
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    /** A JSON body, or none at all when {@code body} is null. */
    private static HttpRequest withJson(HttpRequest.Builder b, String method, Object body) {
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JsonWriter.compact(body), StandardCharsets.UTF_8))
                .build();
    }

    private JsonNode send(HttpRequest req) {
        HttpResponse<String> res = exchange(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = res.body();
        if (res.statusCode() >= 400) {
            throw error(res.statusCode(), body, res.headers().firstValue("X-Request-Id").orElse(""), req.uri());
        }
        if (body == null || body.isBlank()) {
            return JsonNode.of(null);
        }
        try {
            return JsonNode.parse(body);
        } catch (JsonException e) {
            throw new CliException("the server at " + base + " answered " + req.method() + " " + req.uri().getPath()
                    + " with something that is not JSON (" + e.getMessage() + ")");
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest req, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(req, handler);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private CliException unreachable(IOException e) {
        return new CliException("cannot reach the PaaS Runtime API at " + base + ": " + reason(e));
    }

    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer in time";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "connection failed";
        }
        // the JDK's wording when the server closes the connection without a response
        return m.contains("received no bytes") ? "the server closed the connection without answering" : m;
    }

    private static ApiException error(int status, String body, String headerRequestId, URI uri) {
        try {
            JsonNode err = JsonNode.parse(body).get("error");
            if (err.isObject()) {
                List<String> details = new ArrayList<>();
                for (JsonNode d : err.get("details").elements()) {
                    details.add(d.get("field").text() + ": " + d.get("problem").text());
                }
                String requestId = err.get("request_id").text(headerRequestId);
                return new ApiException(status, err.get("code").text(), err.get("message").text("HTTP " + status),
                        requestId, details);
            }
        } catch (JsonException notJson) {
            // fall through: a proxy or a server without the envelope
        }
        return new ApiException(status, "http_" + status, "HTTP " + status + " from " + uri.getPath(),
                headerRequestId, List.of());
    }

    /** Passes buffers through, reporting the running byte count. */
    private record CountingSubscriber(Flow.Subscriber<? super ByteBuffer> target, LongConsumer progress, long[] sent)
            implements Flow.Subscriber<ByteBuffer> {
        CountingSubscriber(Flow.Subscriber<? super ByteBuffer> target, LongConsumer progress) {
            this(target, progress, new long[1]);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            target.onSubscribe(subscription);
        }

        @Override
        public void onNext(ByteBuffer item) {
            sent[0] += item.remaining();
            progress.accept(sent[0]);
            target.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            target.onError(throwable);
        }

        @Override
        public void onComplete() {
            target.onComplete();
        }
    }
}

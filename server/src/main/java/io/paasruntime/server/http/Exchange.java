package io.paasruntime.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderName;
import io.helidon.webserver.http.ServerRequest;
import io.paasruntime.core.errors.PayloadTooLarge;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.support.Caller;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** One request as a handler sees it: parameters, the body (bounded) and the authenticated caller. */
public final class Exchange {
    /** JSON bodies larger than this are refused with 413. */
    public static final int MAX_JSON_BYTES = 1024 * 1024;

    private final ServerRequest request;
    private final RequestState state;
    private final Caller caller;
    private final Json json;
    private byte[] body;

    Exchange(ServerRequest request, RequestState state, Caller caller, Json json) {
        this.request = request;
        this.state = state;
        this.caller = caller;
        this.json = json;
    }

    public String requestId() {
        return state.requestId();
    }

    /** The authenticated caller; only routes with {@link Access#BEARER} have one. */
    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException("route is not authenticated");
        }
        return caller;
    }

    public String pathParam(String name) {
        return request.path().pathParameters().get(name);
    }

    public Optional<String> query(String name) {
        return request.query().first(name).asOptional();
    }

    /** A {@code true}/{@code false} query flag; anything else is refused. */
    public boolean flag(String name) {
        Optional<String> value = query(name);
        if (value.isEmpty() || value.get().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.get().equalsIgnoreCase("true")) {
            return true;
        }
        throw ValidationFailed.of(name, "must be true or false");
    }

    public Optional<String> header(HeaderName name) {
        return request.headers().first(name);
    }

    /** The media type of the body, lower case without parameters, or empty. */
    public String contentType() {
        return request.headers().contentType().map(t -> t.mediaType().text().toLowerCase(Locale.ROOT)).orElse("");
    }

    public String sourceAddress() {
        if (request.remotePeer().address() instanceof InetSocketAddress a && a.getAddress() != null) {
            return a.getAddress().getHostAddress();
        }
        return request.remotePeer().host();
    }

    /** The JSON body as {@code type}. @throws ValidationFailed naming the field that does not fit */
    public <T> T body(Type type) {
        return json.read(bodyBytes(), type);
    }

    /** The JSON body as {@code type}, or empty when the client sent none (a route whose body is optional). */
    public <T> Optional<T> optionalBody(Type type) {
        return blank(bodyBytes()) ? Optional.empty() : Optional.of(json.read(bodyBytes(), type));
    }

    /**
     * Refuses a body on a route that takes none, rather than ignoring what the client meant to say;
     * nothing, whitespace or {@code {}} pass.
     */
    public void requireNoBody() {
        if (blank(bodyBytes())) {
            return;
        }
        JsonNode node = json.readObject(bodyBytes());
        if (!node.isEmpty()) {
            String field = node.fieldNames().next();
            throw ValidationFailed.of(field, "is not a known field: this route takes no body");
        }
    }

    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The body in a canonical JSON form (sorted keys, no spacing), or its bytes when it is not JSON. */
    public byte[] canonicalBody() {
        return json.canonical(bodyBytes()).orElse(bodyBytes());
    }

    /** The JSON body as an object tree, for bodies whose keys are data. */
    public JsonNode bodyObject() {
        return json.readObject(bodyBytes());
    }

    /** The body bytes, read once and at most {@link #MAX_JSON_BYTES}. */
    public byte[] bodyBytes() {
        if (body == null) {
            body = readBounded();
        }
        return body;
    }

    /** The body as a stream for large uploads; refused up front when its declared length is over {@code max}. */
    public InputStream bodyStream(long max) {
        if (declaredLength().orElse(0) > max) {
            throw new PayloadTooLarge("the body is larger than the limit of " + max + " bytes");
        }
        return request.content().inputStream();
    }

    public OptionalLong declaredLength() {
        return request.headers().contentLength();
    }

    private byte[] readBounded() {
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        if (declaredLength().orElse(0) > MAX_JSON_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.content().inputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_JSON_BYTES) {
                    throw tooLarge();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    private static PayloadTooLarge tooLarge() {
        return new PayloadTooLarge("JSON bodies are limited to " + MAX_JSON_BYTES + " bytes (1 MiB)");
    }

    ServerRequest request() {
        return request;
    }
}

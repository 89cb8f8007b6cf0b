package io.paasruntime.server.http;

import io.helidon.http.Method;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One route of the API, declared once: the server registers its handler from this, and the
 * OpenAPI document is generated from the same list, so the two cannot drift apart.
 *
 * @param path        Helidon and OpenAPI path template, e.g. {@code /v1/apps/{id}}
 * @param requestBody the JSON body type, if the route takes one
 * @param bodyRequired whether that body must be sent (some routes take an optional one)
 * @param rawBody     a non-JSON body the route also takes (media type), e.g. a gzip artifact
 * @param responses   status → body type of the successful answers (errors share one envelope)
 * @param produces    the media types of those answers: {@code application/json} unless the route writes
 *                    another (an event stream, YAML) through a {@link StreamedBody}
 * @param failures    error statuses it answers beyond those every route of its kind can (the OpenAPI
 *                    document derives those: 401 for bearer routes, 404 with a path parameter, …),
 *                    e.g. 401 for a login with a wrong password
 */
public record Endpoint(Method method, String path, String operationId, String summary, String tag, Access access,
                       List<QueryParam> query, Optional<Type> requestBody, boolean bodyRequired, List<String> rawBody,
                       Map<Integer, Type> responses, List<String> produces, Set<Integer> failures, Action action) {
    public static final String JSON = "application/json";


    /** A handler: reads what it needs from the exchange and answers a status and a body. */
    @FunctionalInterface
    public interface Action {
        Reply handle(Exchange exchange);
    }

    /** A documented query parameter. */
    public record QueryParam(String name, String description, String type) {
    }

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(action, "action");
        if (operationId == null || operationId.isBlank() || summary == null || summary.isBlank()
                || tag == null || tag.isBlank()) {
            throw new IllegalArgumentException(method + " " + path + ": every route needs an operationId, summary and tag");
        }
        if (responses.isEmpty()) {
            throw new IllegalArgumentException(method + " " + path + ": declare at least one response");
        }
        if (produces.isEmpty()) {
            throw new IllegalArgumentException(method + " " + path + ": declare the media type it answers");
        }
        query = List.copyOf(query);
        rawBody = List.copyOf(rawBody);
        produces = List.copyOf(produces);
        failures = Set.copyOf(failures);
        if (failures.stream().anyMatch(status -> status < 400 || status > 599)) {
            throw new IllegalArgumentException(method + " " + path + ": failures are 4xx or 5xx statuses");
        }
        responses = Map.copyOf(responses);
    }

    /** The names in {@code {…}} of the path, in order. */
    public List<String> pathParams() {
        List<String> names = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return names;
    }

    /** Whether a concrete request path fits this route's template. */
    public boolean matchesPath(String requestPath) {
        String[] template = path.split("/", -1);
        String[] actual = requestPath.split("/", -1);
        if (template.length != actual.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean param = template[i].startsWith("{") && template[i].endsWith("}");
            if (param ? actual[i].isEmpty() : !template[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    public static Builder get(String path) {
        return new Builder(Method.GET, path);
    }

    public static Builder post(String path) {
        return new Builder(Method.POST, path);
    }

    public static Builder patch(String path) {
        return new Builder(Method.PATCH, path);
    }

    public static Builder delete(String path) {
        return new Builder(Method.DELETE, path);
    }

    /** Reads like the route table: {@code Endpoint.get("/v1/apps").id("listApps").summary(…).bearer()…}. */
    public static final class Builder {
        private final Method method;
        private final String path;
        private String operationId;
        private String summary;
        private String tag;
        private Access access = Access.BEARER;
        private final List<QueryParam> query = new ArrayList<>();
        private Type requestBody;
        private boolean bodyRequired = true;
        private final List<String> rawBody = new ArrayList<>();
        private final Map<Integer, Type> responses = new LinkedHashMap<>();
        private List<String> produces = List.of(JSON);
        private final Set<Integer> failures = new TreeSet<>();

        private Builder(Method method, String path) {
            this.method = method;
            this.path = path;
        }

        public Builder id(String operationId) {
            this.operationId = operationId;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        public Builder access(Access access) {
            this.access = access;
            return this;
        }

        public Builder query(String name, String type, String description) {
            query.add(new QueryParam(name, description, type));
            return this;
        }

        public Builder body(Type type) {
            this.requestBody = type;
            return this;
        }

        /** A JSON body the client may leave out. */
        public Builder optionalBody(Type type) {
            this.requestBody = type;
            this.bodyRequired = false;
            return this;
        }

        public Builder rawBody(String mediaType) {
            rawBody.add(mediaType);
            return this;
        }

        public Builder returns(int status, Type type) {
            responses.put(status, type);
            return this;
        }

        /** The media types the answers come in, when not only JSON; the first is the usual one. */
        public Builder produces(String... mediaTypes) {
            this.produces = List.of(mediaTypes);
            return this;
        }

        /** An error status this route answers although routes like it do not, e.g. 401 for a wrong password. */
        public Builder mayFailWith(int status) {
            failures.add(status);
            return this;
        }

        public Endpoint handle(Action action) {
            return new Endpoint(method, path, operationId, summary, tag, access, query, Optional.ofNullable(requestBody),
                    requestBody != null && bodyRequired, rawBody, responses, produces, failures, action);
        }
    }
}

package io.paasruntime.cli.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds a path under the API root with each segment and query value percent-encoded, e.g.
 * {@code ApiPath.of("v1", "apps", name, "logs").query("since", s)} → {@code /v1/apps/hello/logs?since=…}.
 * Query parameters with a null or empty value are left out.
 */
public final class ApiPath {
    private final StringBuilder path = new StringBuilder();
    private boolean hasQuery;

    private ApiPath() {
    }

    public static ApiPath of(String... segments) {
        ApiPath p = new ApiPath();
        for (String s : segments) {
            p.path.append('/').append(encode(s).replace("+", "%20"));
        }
        return p;
    }

    public ApiPath query(String name, Object value) {
        if (value == null || value.toString().isEmpty()) {
            return this;
        }
        path.append(hasQuery ? '&' : '?').append(encode(name)).append('=').append(encode(value.toString()));
        hasQuery = true;
        return this;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}

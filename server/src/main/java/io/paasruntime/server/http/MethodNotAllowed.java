package io.paasruntime.server.http;

import java.util.List;

/** The path exists but not with this method; answered 405 with an {@code Allow} header. */
public final class MethodNotAllowed extends RuntimeException {
    private final List<String> allowed;

    public MethodNotAllowed(String method, String path, List<String> allowed) {
        super(method + " is not supported on " + path + "; use " + String.join(", ", allowed));
        this.allowed = List.copyOf(allowed);
    }

    public List<String> allowed() {
        return allowed;
    }
}

package io.paasruntime.core.errors;

/** API error {@code forbidden}. */
public final class Forbidden extends RuntimeError {
    public Forbidden(String message) {
        super(message, null);
    }

    public Forbidden(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "forbidden";
    }
}

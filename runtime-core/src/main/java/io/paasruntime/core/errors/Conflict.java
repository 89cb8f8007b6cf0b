package io.paasruntime.core.errors;

/** API error {@code conflict}. */
public final class Conflict extends RuntimeError {
    public Conflict(String message) {
        super(message, null);
    }

    public Conflict(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "conflict";
    }
}

package io.paasruntime.core.errors;

/** API error {@code unauthorized}. */
public final class Unauthorized extends RuntimeError {
    public Unauthorized(String message) {
        super(message, null);
    }

    public Unauthorized(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "unauthorized";
    }
}

package io.paasruntime.core.errors;

/** API error {@code not_found}. */
public final class NotFound extends RuntimeError {
    public NotFound(String message) {
        super(message, null);
    }

    public NotFound(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "not_found";
    }
}

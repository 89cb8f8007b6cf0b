package io.paasruntime.core.errors;

/** API error {@code internal}. */
public final class InternalError extends RuntimeError {
    public InternalError(String message) {
        super(message, null);
    }

    public InternalError(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "internal";
    }
}

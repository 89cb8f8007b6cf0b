package io.paasruntime.core.errors;

/** API error {@code unavailable}. */
public final class Unavailable extends RuntimeError {
    public Unavailable(String message) {
        super(message, null);
    }

    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "unavailable";
    }
}

package io.paasruntime.core.errors;

/** API error {@code payload_too_large}. */
public final class PayloadTooLarge extends RuntimeError {
    public PayloadTooLarge(String message) {
        super(message, null);
    }

    public PayloadTooLarge(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "payload_too_large";
    }
}

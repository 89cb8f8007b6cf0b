package io.paasruntime.core.errors;

import io.paasruntime.spi.ProviderException;

/** Turns a provider's {@link ProviderException} into the API error it means. */
public final class ProviderErrors {
    private ProviderErrors() {
    }

    public static RuntimeError translate(ProviderException e) {
        String message = e.getMessage() == null ? "provider error" : e.getMessage();
        return switch (e.kind()) {
            case INVALID -> ValidationFailed.of(e.field().orElse("request"), message);
            case TOO_LARGE -> new PayloadTooLarge(e.field().orElse("body"), message, e);
            case NOT_FOUND -> new NotFound(message, e);
            case CONFLICT -> new Conflict(message, e);
            case UNAUTHORIZED -> new Unauthorized(message, e);
            case UNAVAILABLE -> new Unavailable(message, e);
            case INTERNAL -> new InternalError("internal error in a provider", e);
        };
    }
}

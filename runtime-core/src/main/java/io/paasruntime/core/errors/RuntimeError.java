package io.paasruntime.core.errors;

import java.util.List;

/**
 * An error the API reports to its caller. The message is shown to clients: it never holds secrets
 * or stack traces. One subclass per API error code.
 */
public sealed abstract class RuntimeError extends RuntimeException
        permits NotFound, Conflict, ValidationFailed, Unauthorized, Forbidden, Unavailable, RateLimited,
        PayloadTooLarge, InternalError {

    protected RuntimeError(String message, Throwable cause) {
        super(message, cause);
    }

    /** The envelope's {@code code}, e.g. {@code not_found}. */
    public abstract String code();

    /** Field problems, for {@code validation_failed}. */
    public List<FieldProblem> details() {
        return List.of();
    }
}

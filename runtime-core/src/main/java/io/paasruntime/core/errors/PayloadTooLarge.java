package io.paasruntime.core.errors;

import java.util.List;

/**
 * A body (or a part of it) over its size limit: code {@code validation_failed} naming the field, as
 * every refused input, but answered with status 413 so clients and proxies see what kind of refusal
 * it is.
 */
public final class PayloadTooLarge extends RuntimeError {
    private final String field;

    public PayloadTooLarge(String message) {
        this("body", message, null);
    }

    public PayloadTooLarge(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    @Override
    public String code() {
        return "validation_failed";
    }

    @Override
    public List<FieldProblem> details() {
        return List.of(new FieldProblem(field, getMessage()));
    }
}

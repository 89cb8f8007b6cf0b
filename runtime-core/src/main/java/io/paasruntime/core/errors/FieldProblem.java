package io.paasruntime.core.errors;

/** One refused input field and why. */
public record FieldProblem(String field, String problem) {
}

package io.paasruntime.core.errors;

import java.util.List;
import java.util.stream.Collectors;

/** API error {@code validation_failed}, naming every refused field. */
public final class ValidationFailed extends RuntimeError {
    private final List<FieldProblem> problems;

    public ValidationFailed(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.problem()).collect(Collectors.joining("; ")), null);
        this.problems = List.copyOf(problems);
    }

    public static ValidationFailed of(String field, String problem) {
        return new ValidationFailed(List.of(new FieldProblem(field, problem)));
    }

    @Override
    public String code() {
        return "validation_failed";
    }

    @Override
    public List<FieldProblem> details() {
        return problems;
    }
}

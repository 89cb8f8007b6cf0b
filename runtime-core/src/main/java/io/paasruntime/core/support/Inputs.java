package io.paasruntime.core.support;

import io.paasruntime.core.errors.FieldProblem;
import io.paasruntime.core.errors.ValidationFailed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects field problems while checking one request, then throws them all at once. */
public final class Inputs {
    /** DNS label rules for app names: lowercase letters, digits, hyphens; starts with a letter; 3–30 chars. */
    public static final Pattern APP_NAME = Pattern.compile("[a-z][a-z0-9-]{1,28}[a-z0-9]");
    public static final Pattern CONFIG_KEY = Pattern.compile("[A-Z_][A-Z0-9_]{0,254}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final List<FieldProblem> problems = new ArrayList<>();

    public Inputs require(boolean ok, String field, String problem) {
        if (!ok) {
            problems.add(new FieldProblem(field, problem));
        }
        return this;
    }

    public Inputs appName(String field, String value) {
        if (value == null) {
            return require(false, field, "is required");
        }
        return require(APP_NAME.matcher(value).matches(), field,
                "must be 3-30 lowercase letters, digits or hyphens, start with a letter and not end with a hyphen");
    }

    public Inputs email(String field, String value) {
        if (value == null) {
            return require(false, field, "is required");
        }
        return require(value.length() <= 254 && EMAIL.matcher(value).matches(), field, "must be an email address");
    }

    public void check() {
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
    }
}

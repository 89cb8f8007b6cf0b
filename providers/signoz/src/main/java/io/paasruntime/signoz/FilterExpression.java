package io.paasruntime.signoz;

import java.util.ArrayList;
import java.util.List;

/**
 * A SigNoz v5 filter expression built from conditions joined by {@code AND}, e.g.
 * {@code k8s.pod.labels.paas.io/app = '0192…' AND body CONTAINS 'timeout'}. Values are single-quoted
 * with quotes and backslashes escaped, so user text cannot change the expression. Immutable.
 */
record FilterExpression(List<String> conditions) {
    FilterExpression {
        conditions = List.copyOf(conditions);
    }

    static FilterExpression equal(String attribute, String value) {
        return new FilterExpression(List.of(attribute + " = " + quote(value)));
    }

    FilterExpression andEqual(String attribute, String value) {
        return with(attribute + " = " + quote(value));
    }

    FilterExpression andContains(String attribute, String value) {
        return with(attribute + " CONTAINS " + quote(value));
    }

    FilterExpression andBefore(String attribute, String value) {
        return with(attribute + " < " + quote(value));
    }

    FilterExpression and(FilterExpression other) {
        List<String> all = new ArrayList<>(conditions);
        all.addAll(other.conditions);
        return new FilterExpression(all);
    }

    String text() {
        return String.join(" AND ", conditions);
    }

    private FilterExpression with(String condition) {
        List<String> all = new ArrayList<>(conditions);
        all.add(condition);
        return new FilterExpression(all);
    }

    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiClient;
import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One config change as the user sees it: reads the vars before the PATCH so the message says what
 * really changed, and whether that made a release (the server makes none for a no-op, nor before
 * the app's first deploy).
 */
final class ConfigChange {
    private final ApiClient api;
    private final String app;

    ConfigChange(ApiClient api, String app) {
        this.api = api;
        this.app = app;
    }

    /** Sends {@code changes} ({@code null} values unset) and returns the whole config after it, with a message. */
    Result apply(Map<String, Object> changes, String verb) {
        ApiPath path = ApiPath.of("v1", "apps", app, "config");
        JsonNode before = api.get(path);
        JsonNode after = api.patch(path, changes);
        List<String> changed = changes.keySet().stream()
                .filter(k -> !Objects.equals(before.get(k).raw(), after.get(k).raw()))
                .toList();
        if (changed.isEmpty()) {
            return new Result(after, "No change to " + app + "'s config ("
                    + String.join(", ", changes.keySet()) + (verb.equals("Unset") ? " already unset" : " already set so")
                    + "); no new release");
        }
        boolean deployed = !api.get(ApiPath.of("v1", "apps", app)).get("current_release").isNull();
        return new Result(after, verb + " " + String.join(", ", changed) + " on " + app
                + (deployed ? "; a new release rolls out" : "; stored for the first deploy (no release yet)"));
    }

    record Result(JsonNode config, String message) {
    }
}

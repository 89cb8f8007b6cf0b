package io.paasruntime.core.config;

import io.paasruntime.core.apps.Apps;
import io.paasruntime.core.audit.Audit;
import io.paasruntime.core.errors.FieldProblem;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.releases.Rollouts;
import io.paasruntime.core.support.AppLocks;
import io.paasruntime.core.support.Caller;
import io.paasruntime.core.support.Inputs;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.StateStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Config vars. A change stores the new set and, when the app has a current release, makes a new
 * release with the same source and the new config, which rolls the processes. Values are never
 * logged or put in audit events; only keys are.
 */
public final class ConfigVars {
    /** Set by the orchestrator for every instance; an app cannot override them. */
    public static final Set<String> RESERVED = Set.of("PORT", "PS", "DYNO", "HOME", "PAAS_INSTANCE", "PAAS_APP", "PAAS_RELEASE");
    private static final int MAX_VALUE_CHARS = 32 * 1024;
    private static final int MAX_VARS = 500;
    /** All of an app's names and values together, in UTF-8 bytes (Heroku's limit too): they must fit a process's environment. */
    static final int MAX_TOTAL_BYTES = 64 * 1024;

    private final StateStore store;
    private final Apps apps;
    private final Rollouts rollouts;
    private final AppLocks locks;
    private final Audit audit;

    public ConfigVars(StateStore store, Apps apps, Rollouts rollouts, AppLocks locks, Audit audit) {
        this.store = store;
        this.apps = apps;
        this.rollouts = rollouts;
        this.locks = locks;
        this.audit = audit;
    }

    public Map<String, String> get(Caller caller, String idOrName) {
        App app = apps.resolve(caller, idOrName);
        return new TreeMap<>(store.settings().configVars(app.id()));
    }

    /**
     * Applies {@code changes}: a value sets the key, {@code null} unsets it. Answers the whole new set.
     */
    public Map<String, String> patch(Caller caller, String idOrName, Map<String, String> changes) {
        App app = apps.resolve(caller, idOrName);
        List<FieldProblem> problems = problems(changes);
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return locks.withLock(app.id(), () -> {
            List<FieldProblem> owned = new ArrayList<>();
            store.addons().listByApp(app.id()).forEach(addon -> {
                if (!addon.status().equals("deprovisioned") && changes.containsKey(addon.configVar())) {
                    owned.add(new FieldProblem(addon.configVar(), "is set by the add-on " + addon.name()
                            + "; destroy the add-on to remove it"));
                }
            });
            if (!owned.isEmpty()) {
                throw new ValidationFailed(owned);
            }
            return apply(caller, app, changes, "config");
        });
    }

    /**
     * What is wrong with {@code changes}' names and values, one problem per offending var, without
     * looking at any app: a caller that finds other problems first (values that are not strings) can
     * still name every offending field at once.
     */
    public static List<FieldProblem> problems(Map<String, String> changes) {
        List<FieldProblem> problems = new ArrayList<>();
        changes.forEach((key, value) -> {
            if (!Inputs.CONFIG_KEY.matcher(key).matches()) {
                problems.add(new FieldProblem(key, "config var names must match [A-Z_][A-Z0-9_]* "
                        + "(upper-case letters, digits and underscores, not starting with a digit), at most 255 characters"));
            } else if (RESERVED.contains(key)) {
                problems.add(new FieldProblem(key, "is set by the runtime and cannot be changed"));
            } else if (value != null && value.length() > MAX_VALUE_CHARS) {
                problems.add(new FieldProblem(key, "value must be at most " + MAX_VALUE_CHARS + " characters"));
            } else if (value != null && value.indexOf('\u0000') >= 0) {
                problems.add(new FieldProblem(key, "value must not contain NUL characters"));
            }
        });
        return problems;
    }

    /**
     * Applies changes on behalf of the runtime itself (e.g. an add-on's {@code DATABASE_URL}), making a
     * release described by {@code description}. Must be called for a live app.
     */
    public Map<String, String> applyInternal(Caller caller, App app, Map<String, String> changes, String description) {
        return locks.withLock(app.id(), () -> apply(caller, app, changes, description));
    }

    private Map<String, String> apply(Caller caller, App app, Map<String, String> changes, String what) {
        Map<String, String> before = store.settings().configVars(app.id());
        Map<String, String> after = new TreeMap<>(before);
        List<String> set = new ArrayList<>();
        List<String> unset = new ArrayList<>();
        changes.forEach((key, value) -> {
            if (value == null) {
                if (after.remove(key) != null) {
                    unset.add(key);
                }
            } else if (!value.equals(after.put(key, value))) {
                set.add(key);
            }
        });
        if (set.isEmpty() && unset.isEmpty()) {
            return after;
        }
        if (after.size() > MAX_VARS) {
            throw ValidationFailed.of("config", "an app can have at most " + MAX_VARS + " config vars");
        }
        long bytes = after.entrySet().stream().mapToLong(e -> utf8Length(e.getKey()) + utf8Length(e.getValue()) + 2).sum();
        if (bytes > MAX_TOTAL_BYTES) {
            throw ValidationFailed.of("config", "an app's config vars may hold at most " + MAX_TOTAL_BYTES
                    + " bytes in all (names and values, UTF-8); this change would make " + bytes);
        }
        String description = describe(set, unset);
        store.settings().replaceConfigVars(app.id(), after);
        App latest = store.apps().findById(app.tenantId(), app.id()).orElse(app);
        Optional<Release> current = latest.currentReleaseId().flatMap(id -> store.releases().findById(app.id(), id));
        current.ifPresent(r -> rollouts.release(latest, caller.actor(), r.sourceKind(), r.source(), r.processes(), after,
                Optional.of(description), Optional.empty()));
        audit.record(caller, "config.update", "app", app.id(), what + ": " + description);
        return after;
    }

    private static long utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static String describe(List<String> set, List<String> unset) {
        List<String> parts = new ArrayList<>();
        if (!set.isEmpty()) {
            parts.add("Set " + String.join(", ", set.stream().sorted().toList()) + " config var" + (set.size() > 1 ? "s" : ""));
        }
        if (!unset.isEmpty()) {
            parts.add("Unset " + String.join(", ", unset.stream().sorted().toList()) + " config var" + (unset.size() > 1 ? "s" : ""));
        }
        return String.join("; ", parts);
    }
}

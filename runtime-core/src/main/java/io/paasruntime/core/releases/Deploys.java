package io.paasruntime.core.releases;

import io.paasruntime.core.apps.Apps;
import io.paasruntime.core.audit.Audit;
import io.paasruntime.core.errors.Conflict;
import io.paasruntime.core.errors.NotFound;
import io.paasruntime.core.errors.ProviderErrors;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.support.Caller;
import io.paasruntime.core.support.PageRequest;
import io.paasruntime.core.support.PageView;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.Addon;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.Page;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.spi.store.StateStore;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/** Deploys, the release listing and rollbacks. Thread-safe. */
public final class Deploys {
    private static final Pattern PROCESS_TYPE = Pattern.compile("[a-z][a-z0-9_-]{0,29}");

    private final StateStore store;
    private final Apps apps;
    private final Rollouts rollouts;
    private final Audit audit;
    private final long maxArtifactBytes;

    public Deploys(StateStore store, Apps apps, Rollouts rollouts, Audit audit, long maxArtifactBytes) {
        this.store = store;
        this.apps = apps;
        this.rollouts = rollouts;
        this.audit = audit;
        this.maxArtifactBytes = maxArtifactBytes;
    }

    /** The largest artifact body a deploy accepts, in bytes (config {@code deploys.max-artifact-bytes}). */
    public long maxArtifactBytes() {
        return maxArtifactBytes;
    }

    public ReleaseView deploy(Caller caller, String idOrName, DeployRequest request) {
        App app = apps.resolve(caller, idOrName);
        request.description().ifPresent(d -> {
            if (d.length() > 500) {
                throw ValidationFailed.of("description", "must be at most 500 characters");
            }
        });
        SourceUpload upload = switch (request) {
            case DeployRequest.Artifact a -> new SourceUpload.Artifact(a.body(), maxArtifactBytes);
            case DeployRequest.Image i when !"image".equals(rollouts.orchestrator().sourceKind()) ->
                    // the orchestrator says why it takes no images (before any complaint about the body's details)
                    new SourceUpload.Image(i.image() == null ? "" : i.image(), Map.of());
            case DeployRequest.Image i -> {
                if (i.image() == null || i.image().isBlank()) {
                    throw ValidationFailed.of("image", "is required");
                }
                if (i.processes().isEmpty()) {
                    throw ValidationFailed.of("processes", "must name at least one process type with its command");
                }
                i.processes().forEach((type, command) -> {
                    if (!PROCESS_TYPE.matcher(type).matches()) {
                        throw ValidationFailed.of("processes." + type, "process type must be lowercase letters, digits, - or _");
                    }
                    if (command == null || command.isBlank()) {
                        throw ValidationFailed.of("processes." + type + ".command", "is required");
                    }
                });
                yield new SourceUpload.Image(i.image(), i.processes());
            }
        };
        PreparedSource source;
        try {
            source = rollouts.orchestrator().prepare(upload);
        } catch (ProviderException e) {
            throw ProviderErrors.translate(e);
        }
        Release release = rollouts.release(app, caller.actor(), source.kind(), source.ref(), source.processes(),
                store.settings().configVars(app.id()), request.description(), Optional.empty());
        audit.record(caller, "release.create", "release", release.id(), "deployed v" + release.version() + " of " + app.name());
        return view(app, release);
    }

    public PageView<ReleaseView> list(Caller caller, String idOrName, PageRequest page) {
        App app = apps.resolve(caller, idOrName);
        // the position names the app too, so a cursor from another app's listing is refused
        String prefix = app.id() + "/";
        Optional<Integer> before = page.position().map(p -> {
            try {
                if (!p.startsWith(prefix)) {
                    throw new NumberFormatException("another app's cursor");
                }
                return Integer.parseInt(p.substring(prefix.length()));
            } catch (NumberFormatException e) {
                throw ValidationFailed.of("cursor", "is not a cursor this listing issued");
            }
        });
        Page<Release, Integer> result = store.releases().list(app.id(), before, page.limit());
        return new PageView<>(result.items().stream().map(r -> view(app, r)).toList(),
                result.next().map(v -> PageRequest.encode("releases", prefix + v)).orElse(null));
    }

    /** One release by id, by version number ({@code 3}) or by {@code v3}. */
    public ReleaseView get(Caller caller, String idOrName, String releaseRef) {
        App app = apps.resolve(caller, idOrName);
        return view(app, find(app, releaseRef));
    }

    /** A new release that copies {@code releaseRef}'s source, processes and config (Heroku's model). */
    public ReleaseView rollback(Caller caller, String idOrName, String releaseRef) {
        App app = apps.resolve(caller, idOrName);
        Release target = find(app, releaseRef);
        if (target.status() == ReleaseStatus.FAILED) {
            // its code or config never ran: copying them would only make another failed release (and change the config)
            throw new Conflict("cannot roll back to v" + target.version() + ": it failed"
                    + target.statusReason().map(r -> " (" + r + ")").orElse("") + "; roll back to a release that ran");
        }
        if (!rollouts.orchestrator().sourceAvailable(target.source())) {
            throw new Conflict("cannot roll back to v" + target.version() + ": its source " + target.source()
                    + " is no longer available");
        }
        if (!target.sourceKind().equals(rollouts.orchestrator().sourceKind())) {
            throw new Conflict("cannot roll back to v" + target.version() + ": it is an " + target.sourceKind()
                    + " release and this runtime's orchestrator runs " + rollouts.orchestrator().sourceKind() + "s");
        }
        Map<String, String> config = configForRollback(app, target);
        store.settings().replaceConfigVars(app.id(), config);
        Release release = rollouts.release(app, caller.actor(), target.sourceKind(), target.source(),
                target.processes(), config, Optional.of("Rollback to v" + target.version()),
                Optional.of(target.version()));
        audit.record(caller, "release.rollback", "release", release.id(),
                "rolled back " + app.name() + " to v" + target.version() + " as v" + release.version());
        return view(app, release);
    }

    /**
     * The target's config vars, except those the app's attached add-ons own: those keep their current
     * values, so a rollback never cuts an app off the database it still has (unlike Heroku's).
     */
    private Map<String, String> configForRollback(App app, Release target) {
        Map<String, String> config = new TreeMap<>(target.config());
        Map<String, String> current = store.settings().configVars(app.id());
        for (Addon addon : store.addons().listByApp(app.id())) {
            String value = current.get(addon.configVar());
            if (value != null) {
                config.put(addon.configVar(), value);
            }
        }
        return config;
    }

    private Release find(App app, String releaseRef) {
        Optional<Release> release = Optional.empty();
        String ref = releaseRef == null ? "" : releaseRef; // exact: "v1 " or "v01" name no release
        if (ref.matches("v?[1-9]\\d{0,8}")) {
            release = store.releases().findByVersion(app.id(), Integer.parseInt(ref.startsWith("v") ? ref.substring(1) : ref));
        } else if (ref.length() == 36) {
            try {
                release = store.releases().findById(app.id(), UUID.fromString(ref));
            } catch (IllegalArgumentException e) {
                release = Optional.empty();
            }
        }
        return release.orElseThrow(() -> new NotFound("release '" + releaseRef + "' of app '" + app.name() + "' does not exist"));
    }

    private ReleaseView view(App app, Release release) {
        App latest = store.apps().findById(app.tenantId(), app.id()).orElse(app);
        return ReleaseView.of(release, latest.currentReleaseId().map(release.id()::equals).orElse(false));
    }
}

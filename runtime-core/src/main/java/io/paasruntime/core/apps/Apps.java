package io.paasruntime.core.apps;

import io.paasruntime.core.audit.Audit;
import io.paasruntime.core.errors.Conflict;
import io.paasruntime.core.errors.NotFound;
import io.paasruntime.core.errors.ProviderErrors;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.releases.Rollouts;
import io.paasruntime.core.support.AppLocks;
import io.paasruntime.core.support.Caller;
import io.paasruntime.core.support.IdGenerator;
import io.paasruntime.core.support.Inputs;
import io.paasruntime.core.support.PageRequest;
import io.paasruntime.core.support.PageView;
import io.paasruntime.core.support.Times;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.Page;
import io.paasruntime.spi.store.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The app use cases. Every lookup is scoped to the caller's tenant: another tenant's app answers
 * {@link NotFound}, exactly like a missing one. Thread-safe.
 */
public final class Apps {
    /** How long a soft-deleted app can be restored. */
    public static final Duration RESTORE_WINDOW = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(Apps.class.getName());
    private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9-]{0,29}");

    private final StateStore store;
    private final Orchestrator orchestrator;
    private final Rollouts rollouts;
    private final Audit audit;
    private final AppLocks locks;
    private final Clock clock;
    private final IdGenerator ids;

    public Apps(StateStore store, Orchestrator orchestrator, Rollouts rollouts, Audit audit, AppLocks locks,
                Clock clock, IdGenerator ids) {
        this.store = store;
        this.orchestrator = orchestrator;
        this.rollouts = rollouts;
        this.audit = audit;
        this.locks = locks;
        this.clock = clock;
        this.ids = ids;
    }

    public AppView create(Caller caller, String name, Optional<String> region) {
        new Inputs().appName("name", name)
                .require(region.map(r -> REGION.matcher(r).matches()).orElse(true), "region",
                        "must be 1-30 lowercase letters, digits or hyphens")
                .check();
        Instant now = Times.now(clock);
        App app = new App(ids.next(), caller.tenantId(), name, region.orElse("local"), now, now, Optional.empty(),
                Optional.empty());
        try {
            store.apps().insert(app);
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.CONFLICT) {
                throw new Conflict("an app named '" + name + "' already exists");
            }
            throw ProviderErrors.translate(e);
        }
        audit.record(caller, "app.create", "app", app.id(), "created app " + name);
        return view(app);
    }

    public PageView<AppView> list(Caller caller, boolean deleted, PageRequest page) {
        Optional<UUID> after = page.position().map(p -> parseUuid(p).orElseThrow(
                () -> ValidationFailed.of("cursor", "is not a cursor this listing issued")));
        Page<App, UUID> result = store.apps().list(caller.tenantId(), deleted, after, page.limit());
        return new PageView<>(result.items().stream().map(this::view).toList(),
                result.next().map(id -> PageRequest.encode(deleted ? "apps-deleted" : "apps", id.toString())).orElse(null));
    }

    public AppView get(Caller caller, String idOrName) {
        return view(resolve(caller, idOrName));
    }

    /** The caller's live app with this id or name. @throws NotFound otherwise */
    public App resolve(Caller caller, String idOrName) {
        Optional<App> app = parseUuid(idOrName)
                .flatMap(id -> store.apps().findById(caller.tenantId(), id))
                .filter(a -> !a.deleted())
                .or(() -> store.apps().findLiveByName(caller.tenantId(), idOrName));
        return app.orElseThrow(() -> notFound(idOrName));
    }

    public AppView rename(Caller caller, String idOrName, String newName) {
        App app = resolve(caller, idOrName);
        new Inputs().appName("name", newName).check();
        return locks.withLock(app.id(), () -> {
            App current = resolve(caller, app.id().toString());
            if (current.name().equals(newName)) {
                return view(current);
            }
            App renamed = new App(current.id(), current.tenantId(), newName, current.region(), current.createdAt(),
                    Times.now(clock), current.deletedAt(), current.currentReleaseId());
            try {
                store.apps().update(renamed);
            } catch (ProviderException e) {
                if (e.kind() == ProviderException.Kind.CONFLICT) {
                    throw new Conflict("an app named '" + newName + "' already exists");
                }
                throw ProviderErrors.translate(e);
            }
            audit.record(caller, "app.rename", "app", current.id(), "renamed " + current.name() + " to " + newName);
            return view(renamed);
        });
    }

    /** Soft delete: stops the processes; the app can be restored for {@link #RESTORE_WINDOW}. */
    public AppView delete(Caller caller, String idOrName) {
        App app = resolve(caller, idOrName);
        return locks.withLock(app.id(), () -> {
            App current = resolve(caller, app.id().toString());
            Instant now = Times.now(clock);
            App deleted = new App(current.id(), current.tenantId(), current.name(), current.region(),
                    current.createdAt(), now, Optional.of(now), current.currentReleaseId());
            store.apps().update(deleted);
            try {
                orchestrator.stop(ref(current));
            } catch (ProviderException e) {
                LOG.log(Level.WARNING, "stopping app " + current.id() + " failed: " + e.getMessage());
            }
            audit.record(caller, "app.delete", "app", current.id(), "deleted app " + current.name());
            return view(deleted);
        });
    }

    /** Undoes a soft delete within the window; the app runs its current release again. */
    public AppView restore(Caller caller, String idOrName) {
        App app = parseUuid(idOrName).flatMap(id -> store.apps().findById(caller.tenantId(), id))
                .or(() -> newestDeletedByName(caller, idOrName))
                .or(() -> store.apps().findLiveByName(caller.tenantId(), idOrName)) // answered "not deleted" below
                .orElseThrow(() -> notFound(idOrName));
        return locks.withLock(app.id(), () -> {
            App current = store.apps().findById(caller.tenantId(), app.id()).orElseThrow(() -> notFound(idOrName));
            if (!current.deleted()) {
                throw new Conflict("app '" + current.name() + "' is not deleted");
            }
            Instant now = Times.now(clock);
            if (current.deletedAt().get().plus(RESTORE_WINDOW).isBefore(now)) {
                throw notFound(idOrName);
            }
            App restored = new App(current.id(), current.tenantId(), current.name(), current.region(),
                    current.createdAt(), now, Optional.empty(), current.currentReleaseId());
            try {
                store.apps().update(restored);
            } catch (ProviderException e) {
                if (e.kind() == ProviderException.Kind.CONFLICT) {
                    throw new Conflict("cannot restore '" + current.name()
                            + "': a live app has that name now; rename it first");
                }
                throw ProviderErrors.translate(e);
            }
            rollouts.resume(restored);
            audit.record(caller, "app.restore", "app", current.id(), "restored app " + current.name());
            return view(restored);
        });
    }

    /** Removes apps deleted longer ago than the restore window, with everything they own. Returns how many. */
    public int purgeExpired() {
        Instant cutoff = Times.now(clock).minus(RESTORE_WINDOW);
        return store.exclusively("purge-deleted-apps", () -> {
            int purged = 0;
            for (App app : store.apps().listDeletedBefore(cutoff)) {
                try {
                    rollouts.purge(app);
                    purged++;
                    audit.record(app.tenantId(), "runtime", "purge-job", "app.purge", "app", app.id(),
                            "purged app " + app.name() + " deleted at " + app.deletedAt().orElse(null));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "purging app " + app.id() + " failed; will retry: " + e.getMessage());
                }
            }
            return purged;
        }).orElse(0);
    }

    public AppView view(App app) {
        AppView.CurrentRelease current = app.currentReleaseId()
                .flatMap(id -> store.releases().findById(app.id(), id))
                .map(r -> new AppView.CurrentRelease(r.id().toString(), r.version(), r.status().wireName()))
                .orElse(null);
        String webUrl = app.deleted() || current == null ? null : rollouts.webUrl(app).map(java.net.URI::toString).orElse(null);
        return new AppView(app.id().toString(), app.name(), app.region(), Times.format(app.createdAt()),
                Times.format(app.updatedAt()), app.deletedAt().map(Times::format).orElse(null), current, webUrl);
    }

    public static AppRef ref(App app) {
        return new AppRef(app.tenantId(), app.id(), app.name());
    }

    private Optional<App> newestDeletedByName(Caller caller, String name) {
        Optional<App> newest = Optional.empty();
        Optional<UUID> after = Optional.empty();
        while (true) {
            Page<App, UUID> page = store.apps().list(caller.tenantId(), true, after, 200);
            for (App a : page.items()) {
                if (a.name().equals(name)) {
                    newest = Optional.of(a);
                }
            }
            if (page.next().isEmpty()) {
                return newest;
            }
            after = page.next();
        }
    }

    private static NotFound notFound(String idOrName) {
        return new NotFound("app '" + idOrName + "' does not exist or you don't have access");
    }

    private static Optional<UUID> parseUuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

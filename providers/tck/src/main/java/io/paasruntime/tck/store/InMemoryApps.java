package io.paasruntime.tck.store;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.AppRepository;
import io.paasruntime.spi.store.Page;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Apps of an {@link InMemoryStateStore}; names are unique among a tenant's live apps. */
final class InMemoryApps implements AppRepository {
    private static final Comparator<App> BY_ID = Comparator.comparing(App::id, InMemoryStateStore.UUID_ORDER);

    private final InMemoryStateStore store;

    InMemoryApps(InMemoryStateStore store) {
        this.store = store;
    }

    @Override
    public void insert(App app) {
        store.locked(t -> {
            if (t.apps.containsKey(app.id())) {
                throw ProviderException.conflict("an app with this id already exists");
            }
            checkLiveNameFree(t, app);
            t.apps.put(app.id(), app);
            return null;
        });
    }

    @Override
    public void update(App app) {
        store.locked(t -> {
            App existing = t.apps.get(app.id());
            if (existing == null || !existing.tenantId().equals(app.tenantId())) {
                throw ProviderException.notFound("app " + app.id() + " not found");
            }
            checkLiveNameFree(t, app);
            t.apps.put(app.id(), app);
            return null;
        });
    }

    /** A live app may not share its name with another live app of its tenant. */
    private static void checkLiveNameFree(MemoryTables t, App app) {
        if (app.deleted()) {
            return;
        }
        boolean clash = t.apps.values().stream().anyMatch(other -> !other.id().equals(app.id())
                && other.tenantId().equals(app.tenantId()) && !other.deleted() && other.name().equals(app.name()));
        if (clash) {
            throw ProviderException.conflict("an app named " + app.name() + " already exists");
        }
    }

    @Override
    public Optional<App> findById(UUID tenantId, UUID id) {
        return store.locked(t -> Optional.ofNullable(t.apps.get(id)).filter(a -> a.tenantId().equals(tenantId)));
    }

    @Override
    public Optional<App> findLiveByName(UUID tenantId, String name) {
        return store.locked(t -> t.apps.values().stream()
                .filter(a -> a.tenantId().equals(tenantId) && !a.deleted() && a.name().equals(name))
                .findFirst());
    }

    @Override
    public Page<App, UUID> list(UUID tenantId, boolean deleted, Optional<UUID> afterId, int limit) {
        if (limit < 1) {
            throw ProviderException.invalid("limit", "limit must be at least 1");
        }
        return store.locked(t -> {
            List<App> matching = t.apps.values().stream()
                    .filter(a -> a.tenantId().equals(tenantId) && a.deleted() == deleted)
                    .filter(a -> afterId.isEmpty() || InMemoryStateStore.UUID_ORDER.compare(a.id(), afterId.get()) > 0)
                    .sorted(BY_ID)
                    .limit(limit + 1L)
                    .toList();
            if (matching.size() > limit) {
                List<App> items = matching.subList(0, limit);
                return new Page<>(items, Optional.of(items.get(limit - 1).id()));
            }
            return new Page<>(matching, Optional.empty());
        });
    }

    @Override
    public List<App> listAllLive() {
        return store.locked(t -> t.apps.values().stream().filter(a -> !a.deleted()).sorted(BY_ID).toList());
    }

    @Override
    public List<App> listDeletedBefore(Instant cutoff) {
        return store.locked(t -> t.apps.values().stream()
                .filter(a -> a.deletedAt().map(at -> at.isBefore(cutoff)).orElse(false))
                .sorted(BY_ID)
                .toList());
    }

    @Override
    public void purge(UUID id) {
        store.locked(t -> {
            t.apps.remove(id);
            t.releases.values().removeIf(r -> r.appId().equals(id));
            t.formations.remove(id);
            t.configVars.remove(id);
            t.addons.values().removeIf(a -> a.appId().equals(id));
            return null;
        });
    }
}

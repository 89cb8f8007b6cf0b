package io.paasruntime.tck.store;

import io.paasruntime.spi.store.Addon;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.AuditEvent;
import io.paasruntime.spi.store.IdempotentResponse;
import io.paasruntime.spi.store.ProcessFormation;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.SigningKey;
import io.paasruntime.spi.store.Tenant;
import io.paasruntime.spi.store.User;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows of an {@link InMemoryStateStore}. Every value is an immutable record (or an immutable
 * map), so a snapshot for rollback only needs to copy the outer collections.
 * Not thread-safe: the store guards it with its lock.
 */
final class MemoryTables {
    final Map<UUID, Tenant> tenants;
    final Map<UUID, User> users;
    final Map<UUID, App> apps;
    final Map<UUID, Release> releases;
    /** Highest version each app ever had; kept after purges so versions are never reused. */
    final Map<UUID, Integer> releaseHighWater;
    final Map<UUID, Map<String, ProcessFormation>> formations;
    final Map<UUID, Map<String, String>> configVars;
    final Map<UUID, Addon> addons;
    final List<AuditEvent> audit;
    final Map<List<String>, IdempotentResponse> idempotency;
    final Map<String, SigningKey> signingKeys;

    MemoryTables() {
        this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new LinkedHashMap<>(), new ArrayList<>(), new HashMap<>(), new HashMap<>());
    }

    private MemoryTables(Map<UUID, Tenant> tenants, Map<UUID, User> users, Map<UUID, App> apps,
                         Map<UUID, Release> releases, Map<UUID, Integer> releaseHighWater,
                         Map<UUID, Map<String, ProcessFormation>> formations, Map<UUID, Map<String, String>> configVars,
                         Map<UUID, Addon> addons, List<AuditEvent> audit,
                         Map<List<String>, IdempotentResponse> idempotency, Map<String, SigningKey> signingKeys) {
        this.tenants = tenants;
        this.users = users;
        this.apps = apps;
        this.releases = releases;
        this.releaseHighWater = releaseHighWater;
        this.formations = formations;
        this.configVars = configVars;
        this.addons = addons;
        this.audit = audit;
        this.idempotency = idempotency;
        this.signingKeys = signingKeys;
    }

    /** A copy that later changes to this one do not affect (inner maps are immutable values). */
    MemoryTables snapshot() {
        return new MemoryTables(new HashMap<>(tenants), new HashMap<>(users), new HashMap<>(apps),
                new HashMap<>(releases), new HashMap<>(releaseHighWater), new HashMap<>(formations),
                new HashMap<>(configVars), new LinkedHashMap<>(addons), new ArrayList<>(audit),
                new HashMap<>(idempotency), new HashMap<>(signingKeys));
    }
}

package io.paasruntime.tck.store;

import io.paasruntime.spi.store.AppSettingsRepository;
import io.paasruntime.spi.store.ProcessFormation;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Formations and config vars of an {@link InMemoryStateStore}. Stored maps are immutable values. */
final class InMemorySettings implements AppSettingsRepository {
    private final InMemoryStateStore store;

    InMemorySettings(InMemoryStateStore store) {
        this.store = store;
    }

    @Override
    public Map<String, ProcessFormation> formation(UUID appId) {
        return store.locked(t -> t.formations.getOrDefault(appId, Map.of()));
    }

    @Override
    public void putFormation(UUID appId, ProcessFormation formation) {
        store.locked(t -> {
            Map<String, ProcessFormation> next = new HashMap<>(t.formations.getOrDefault(appId, Map.of()));
            next.put(formation.type(), formation);
            t.formations.put(appId, Map.copyOf(next));
            return null;
        });
    }

    @Override
    public Map<String, String> configVars(UUID appId) {
        return store.locked(t -> t.configVars.getOrDefault(appId, Map.of()));
    }

    @Override
    public void replaceConfigVars(UUID appId, Map<String, String> vars) {
        Map<String, String> copy = Map.copyOf(vars);
        store.locked(t -> t.configVars.put(appId, copy));
    }
}

package io.paasruntime.core.secrets;

import io.paasruntime.core.errors.InternalError;
import io.paasruntime.core.providers.ProviderSetupException;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.StateStore;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Picks the runtime's key at start and proves it opens what the store already holds, so a lost or
 * mismatched key stops the start with a clear message instead of every config read failing later
 * (or, worse, a fresh key being generated over values only the lost one opens).
 */
public final class StartupKeyCheck {
    private StartupKeyCheck() {
    }

    /**
     * The configured key or the key file; a new key file only when the store holds no sealed config var.
     *
     * @param stored the store as the provider made it, not yet wrapped in a {@link SealedConfigStore}
     * @throws ProviderSetupException when sealed config vars exist and the key is missing or another one
     */
    public static SecretCipher key(StateStore stored, Optional<String> configuredKey, Path dataDir) {
        Optional<Sample> sample = firstSealed(stored);
        Optional<SecretCipher> existing = RuntimeKey.existing(configuredKey, dataDir);
        if (existing.isEmpty()) {
            if (sample.isPresent()) {
                throw new ProviderSetupException("the store holds encrypted config vars but the key file "
                        + RuntimeKey.source(configuredKey, dataDir) + " is missing: restore it from a backup of the"
                        + " data directory, or set " + RuntimeKey.SETTING + " to the key they were encrypted with");
            }
            return RuntimeKey.load(configuredKey, dataDir);
        }
        sample.ifPresent(s -> {
            try {
                new ConfigSealer(existing.get()).open(s.appId(), s.name(), s.value());
            } catch (InternalError e) {
                throw new ProviderSetupException("the store's encrypted config vars (e.g. " + s.name() + " of app "
                        + s.appId() + ") do not decrypt with the key from " + RuntimeKey.source(configuredKey, dataDir)
                        + ": use the key they were encrypted with (every runtime sharing a store needs the same "
                        + RuntimeKey.SETTING + ")");
            }
        });
        return existing.get();
    }

    /** A sealed value of a live app's config vars or current release, if any app has one. */
    private static Optional<Sample> firstSealed(StateStore stored) {
        for (App app : stored.apps().listAllLive()) {
            Optional<Sample> found = sealedIn(app.id(), stored.settings().configVars(app.id()))
                    .or(() -> app.currentReleaseId().flatMap(id -> stored.releases().findById(app.id(), id))
                            .flatMap(r -> sealedIn(app.id(), r.config())));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Sample> sealedIn(UUID appId, Map<String, String> config) {
        return config.entrySet().stream()
                .filter(e -> ConfigSealer.isSealed(e.getValue()))
                .findFirst()
                .map(e -> new Sample(appId, e.getKey(), e.getValue()));
    }

    private record Sample(UUID appId, String name, String value) {
        @Override
        public String toString() {
            return "Sample[app=" + appId + ", name=" + name + "]";
        }
    }
}

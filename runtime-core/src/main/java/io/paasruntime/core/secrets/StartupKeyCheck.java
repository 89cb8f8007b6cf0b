package io.paasruntime.core.secrets;

import io.paasruntime.core.errors.InternalError;
import io.paasruntime.core.providers.ProviderSetupException;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.StateStore;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Picks the runtime's key at start and proves it opens what the store already holds, so a lost or
 * mismatched key stops the start with a clear message instead of every config read failing later
 * (or, worse, a fresh key being generated over values only the lost one opens).
 */
public final class StartupKeyCheck {
    private StartupKeyCheck() {
    }

    /**
     * The configured key or the key file; a new key file only when the store holds no sealed config var
     * or signing key.
     *
     * @param stored the store as the provider made it, not yet wrapped in a {@link SealedConfigStore}
     * @throws ProviderSetupException when sealed values exist and the key is missing or another one
     */
    public static SecretCipher key(StateStore stored, Optional<String> configuredKey, Path dataDir) {
        Optional<Sample> sample = firstSealed(stored);
        Optional<SecretCipher> existing = RuntimeKey.existing(configuredKey, dataDir);
        if (existing.isEmpty()) {
            if (sample.isPresent()) {
                throw new ProviderSetupException("the store holds encrypted " + sample.get().kind() + " but the key file "
                        + RuntimeKey.source(configuredKey, dataDir) + " is missing: restore it from a backup of the"
                        + " data directory, or set " + RuntimeKey.SETTING + " to the key they were encrypted with");
            }
            return RuntimeKey.load(configuredKey, dataDir);
        }
        sample.ifPresent(s -> {
            try {
                s.open().accept(existing.get());
            } catch (InternalError e) {
                throw new ProviderSetupException("the store's encrypted " + s.kind() + " (e.g. " + s.what()
                        + ") do not decrypt with the key from " + RuntimeKey.source(configuredKey, dataDir)
                        + ": use the key they were encrypted with (every runtime sharing a store needs the same "
                        + RuntimeKey.SETTING + ")");
            }
        });
        return existing.get();
    }

    /** A sealed signing key, else a sealed value of a live app's config vars or current release, if any. */
    private static Optional<Sample> firstSealed(StateStore stored) {
        Optional<Sample> signingKey = stored.signingKeys().list().stream()
                .filter(SealedSigningKeys::isSealed)
                .findFirst()
                .map(k -> new Sample("signing keys", "signing key " + k.keyId(), key -> SealedSigningKeys.open(key, k)));
        if (signingKey.isPresent()) {
            return signingKey;
        }
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
                .map(e -> new Sample("config vars", e.getKey() + " of app " + appId,
                        key -> new ConfigSealer(key).open(appId, e.getKey(), e.getValue())));
    }

    /**
     * One sealed value the store holds: what kind, which one (for messages; never the value), and
     * opening it with a key, which throws {@link InternalError} when that key is not the one.
     */
    private record Sample(String kind, String what, Consumer<SecretCipher> open) {
    }
}

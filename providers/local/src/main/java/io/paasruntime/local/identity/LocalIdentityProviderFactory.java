package io.paasruntime.local.identity;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.identity.IdentityProviderFactory;
import io.paasruntime.spi.store.StateStore;

import java.util.List;

/**
 * Creates the {@link LocalIdentityProvider}, the embedded default for the {@code identity} port.
 * It keeps its users and signing keys in the state store, so the host must offer one.
 */
public final class LocalIdentityProviderFactory implements IdentityProviderFactory {
    public static final String ID = "local";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(
                ConfigKey.of("issuer", "paas-runtime-local", "iss claim of issued tokens"),
                ConfigKey.of("audience", "paas-runtime", "aud claim tokens are issued for and must carry"),
                ConfigKey.of("token-ttl", "1h", "lifetime of an access token, e.g. 15m or 1h"),
                ConfigKey.of("argon2.memory-kib", "19456", "Argon2id memory per password hash, in KiB"),
                ConfigKey.of("argon2.iterations", "2", "Argon2id passes"),
                ConfigKey.of("argon2.parallelism", "1", "Argon2id lanes"));
    }

    @Override
    public IdentityProvider create(ProviderConfig config, ProviderContext context) {
        StateStore store = context.stateStore().orElseThrow(() -> ProviderException.invalid("identity.provider",
                "the local identity provider keeps users in the state store, but the host offers none"));
        TokenSettings tokens = new TokenSettings(config.require("issuer"), config.require("audience"),
                config.getDuration("token-ttl"));
        Argon2Settings argon2 = new Argon2Settings(config.getInt("argon2.memory-kib"),
                config.getInt("argon2.iterations"), config.getInt("argon2.parallelism"));
        return new LocalIdentityProvider(store, context.clock(), tokens, argon2);
    }
}

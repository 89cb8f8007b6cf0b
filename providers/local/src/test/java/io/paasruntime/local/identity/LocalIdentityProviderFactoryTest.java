package io.paasruntime.local.identity;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.identity.IdentityProviderFactory;
import io.paasruntime.tck.TestProviderContext;
import io.paasruntime.tck.store.InMemoryStateStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalIdentityProviderFactoryTest {
    private final LocalIdentityProviderFactory factory = new LocalIdentityProviderFactory();

    @Test
    void serviceLoaderFindsTheLocalFactory() {
        assertThat(ServiceLoader.load(IdentityProviderFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(f -> {
                    assertThat(f.id()).isEqualTo("local");
                    assertThat(f.spiVersion()).isEqualTo(SpiVersion.CURRENT);
                });
    }

    @Test
    void unknownSettingIsRefusedNamingIt() {
        assertThatThrownBy(() -> ProviderConfig.of("identity", Map.of("issuer-url", "x"), factory.configKeys()))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID))
                .hasMessageContaining("identity.issuer-url");
    }

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        ProviderConfig config = ProviderConfig.of("identity", Map.of(), factory.configKeys());

        assertThat(config.asMap()).containsEntry("issuer", "paas-runtime-local").containsEntry("audience", "paas-runtime")
                .containsEntry("token-ttl", "1h").containsEntry("argon2.memory-kib", "19456")
                .containsEntry("argon2.iterations", "2").containsEntry("argon2.parallelism", "1");
    }

    @Test
    void issuerInfoFollowsConfig() {
        var provider = LocalIdentityProviders.create(new InMemoryStateStore(), Clock.systemUTC(),
                Map.of("issuer", "https://paas.example", "audience", "api", "token-ttl", "15m"));

        assertThat(provider.issuer().issuer()).isEqualTo("https://paas.example");
        assertThat(provider.issuer().audience()).isEqualTo("api");
    }

    @Test
    void badValuesAreRefused() {
        assertInvalid(Map.of("token-ttl", "soon"), "identity.token-ttl");
        assertInvalid(Map.of("token-ttl", "0s"), "identity.token-ttl");
        assertInvalid(Map.of("argon2.memory-kib", "lots"), "identity.argon2.memory-kib");
        assertInvalid(Map.of("argon2.parallelism", "0"), "identity.argon2.parallelism");
        assertInvalid(Map.of("audience", " "), "identity.audience");
    }

    @Test
    void withoutAStateStoreCreationIsRefused() {
        ProviderConfig config = ProviderConfig.of("identity", Map.of(), factory.configKeys());

        assertThatThrownBy(() -> factory.create(config, TestProviderContext.of(Path.of("unused"))))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID))
                .hasMessageContaining("state store");
    }

    private void assertInvalid(Map<String, String> settings, String key) {
        assertThatThrownBy(() -> LocalIdentityProviders.create(new InMemoryStateStore(), Clock.systemUTC(), settings))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID))
                .hasMessageContaining(key);
    }
}

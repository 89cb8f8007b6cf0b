package io.paasruntime.keycloak;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.tck.TestProviderContext;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builds Keycloak identity providers for tests, through the factory as the runtime does. */
final class KeycloakProviders {
    private KeycloakProviders() {
    }

    /** A provider on {@code realm} of {@code keycloak}, with {@code overrides} on top of the test realm's settings. */
    static IdentityProvider create(KeycloakServer keycloak, String realm, Clock clock, Map<String, String> overrides) {
        Map<String, String> raw = new HashMap<>(keycloak.identitySettings(realm));
        raw.putAll(overrides);
        return create(raw, clock);
    }

    static IdentityProvider create(Map<String, String> raw, Clock clock) {
        var factory = new KeycloakIdentityProviderFactory();
        ProviderConfig config = ProviderConfig.of("identity", raw, factory.configKeys());
        return factory.create(config, new TestProviderContext(Path.of("unused"), clock, Optional.empty()));
    }

    /** Settings as the factory reads them, for tests that build the provider with a test seam. */
    static KeycloakSettings settings(KeycloakServer keycloak, String realm, Map<String, String> overrides) {
        Map<String, String> raw = new HashMap<>(keycloak.identitySettings(realm));
        raw.putAll(overrides);
        var factory = new KeycloakIdentityProviderFactory();
        return KeycloakIdentityProviderFactory.settings(ProviderConfig.of("identity", raw, factory.configKeys()));
    }
}

package io.paasruntime.keycloak;

import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.tck.identity.IdentityProviderContractTest;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The identity contract against a real Keycloak. A test's first provider uses the test realm, a second
 * one (the "other provider" whose tokens must be refused) the other realm: its own users and keys.
 * The audience sibling is another client of the same realm whose tokens name only itself in {@code aud}.
 */
@ExtendWith(KeycloakExtension.class)
class KeycloakIdentityProviderContractTest extends IdentityProviderContractTest {
    private final KeycloakServer keycloak;
    private final Map<IdentityProvider, String> realms = new IdentityHashMap<>();

    KeycloakIdentityProviderContractTest(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    protected IdentityProvider newProvider(Clock clock) {
        String realm = realms.isEmpty() ? KeycloakServer.REALM : KeycloakServer.OTHER_REALM;
        IdentityProvider provider = KeycloakProviders.create(keycloak, realm, clock, Map.of());
        realms.put(provider, realm);
        return provider;
    }

    @Override
    protected IdentityProvider newProviderForAudience(IdentityProvider sibling, String audience, Clock clock) {
        String realm = realms.get(sibling);
        keycloak.admin().ensureClient(realm, audience);
        return KeycloakProviders.create(keycloak, realm, clock,
                Map.of("client-id", audience, "client-secret", audience, "audience", audience));
    }
}

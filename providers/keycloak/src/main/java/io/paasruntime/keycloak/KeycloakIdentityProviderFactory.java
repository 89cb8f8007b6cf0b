package io.paasruntime.keycloak;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.identity.IdentityProviderFactory;

import java.util.List;

/**
 * Creates the {@link KeycloakIdentityProvider} ({@code identity.provider: keycloak}). Creation makes no
 * call to Keycloak, so the runtime starts while Keycloak is still coming up; the realm's keys are
 * fetched on the first token check.
 */
public final class KeycloakIdentityProviderFactory implements IdentityProviderFactory {
    public static final String ID = "keycloak";

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
                ConfigKey.required("url", "Keycloak's base URL as clients reach it, e.g. https://sso.example.com"),
                ConfigKey.required("realm", "the realm holding the runtime's users, e.g. paas"),
                ConfigKey.required("client-id", "confidential client with direct access grants that users log in through"),
                ConfigKey.required("client-secret", "that client's secret").asSecret(),
                ConfigKey.required("admin-client-id",
                        "client whose service account has realm-management manage-users, view-users and manage-realm"),
                ConfigKey.required("admin-client-secret", "that client's secret").asSecret(),
                ConfigKey.optional("audience", "aud every accepted token must carry; default: the client-id"),
                ConfigKey.of("tenant-claim", "tenant_id",
                        "user attribute holding the tenant id, mapped into access tokens under the same claim name"),
                ConfigKey.of("timeout", "10s", "connect and request timeout of calls to Keycloak"),
                ConfigKey.of("jwks-cache", "10m", "how long the realm's public keys are used before they are fetched again"));
    }

    @Override
    public IdentityProvider create(ProviderConfig config, ProviderContext context) {
        return new KeycloakIdentityProvider(settings(config), context.clock());
    }

    static KeycloakSettings settings(ProviderConfig config) {
        String clientId = config.require("client-id");
        return new KeycloakSettings(config.require("url"), config.require("realm"), clientId,
                config.require("client-secret"), config.require("admin-client-id"), config.require("admin-client-secret"),
                config.get("audience").orElse(clientId), config.require("tenant-claim"), config.getDuration("timeout"),
                config.getDuration("jwks-cache"));
    }
}

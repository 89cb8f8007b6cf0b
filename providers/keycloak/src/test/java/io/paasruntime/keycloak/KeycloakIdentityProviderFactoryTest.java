package io.paasruntime.keycloak;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.identity.IdentityProviderFactory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Selection and configuration; none of these needs a running Keycloak. */
class KeycloakIdentityProviderFactoryTest {
    private static final Map<String, String> MINIMAL = Map.of(
            "url", "https://sso.example.com/", "realm", "paas",
            "client-id", "paas-api", "client-secret", "api-secret-value",
            "admin-client-id", "paas-admin", "admin-client-secret", "admin-secret-value");

    private final KeycloakIdentityProviderFactory factory = new KeycloakIdentityProviderFactory();

    private static Map<String, String> minimalWith(String key, String value) {
        Map<String, String> raw = new HashMap<>(MINIMAL);
        raw.put(key, value);
        return raw;
    }

    private KeycloakSettings settings(Map<String, String> raw) {
        return KeycloakIdentityProviderFactory.settings(ProviderConfig.of("identity", raw, factory.configKeys()));
    }

    @Test
    void serviceLoaderFindsTheKeycloakFactory() {
        assertThat(ServiceLoader.load(IdentityProviderFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(f -> {
                    assertThat(f.id()).isEqualTo(KeycloakIdentityProviderFactory.ID).isEqualTo("keycloak");
                    assertThat(f.spiVersion()).isEqualTo(SpiVersion.CURRENT);
                });
    }

    @Test
    void defaultsFillAudienceTenantClaimTimeoutAndKeyCache() {
        KeycloakSettings settings = settings(MINIMAL);

        assertThat(settings.audience()).isEqualTo("paas-api");
        assertThat(settings.tenantClaim()).isEqualTo("tenant_id");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.jwksCache()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.issuer()).isEqualTo("https://sso.example.com/realms/paas");
        assertThat(settings.tokenEndpoint()).hasToString("https://sso.example.com/realms/paas/protocol/openid-connect/token");
        assertThat(settings.adminBase()).isEqualTo("https://sso.example.com/admin/realms/paas");
    }

    @Test
    void secretsAreMarkedAndNeverPrinted() {
        ProviderConfig config = ProviderConfig.of("identity", MINIMAL, factory.configKeys());

        assertThat(factory.configKeys()).filteredOn(k -> k.secret()).extracting(k -> k.name())
                .containsExactlyInAnyOrder("client-secret", "admin-client-secret");
        assertThat(config.toString()).doesNotContain("api-secret-value").doesNotContain("admin-secret-value");
        assertThat(settings(MINIMAL).toString()).doesNotContain("api-secret-value").doesNotContain("admin-secret-value");
    }

    @Test
    void creatingTheProviderDoesNotCallKeycloak() {
        var raw = minimalWith("url", "http://127.0.0.1:9");

        try (IdentityProvider provider = KeycloakProviders.create(raw, Clock.systemUTC())) {
            assertThat(provider.toString()).contains("http://127.0.0.1:9/realms/paas");
        }
    }

    @Test
    void missingRequiredAndUnknownSettingsAreRefusedNamingThem() {
        Map<String, String> noRealm = new HashMap<>(MINIMAL);
        noRealm.remove("realm");

        assertInvalid(noRealm, "identity.realm");
        assertInvalid(minimalWith("issuer-url", "x"), "identity.issuer-url");
    }

    @Test
    void badValuesAreRefused() {
        assertInvalid(minimalWith("url", "sso.example.com"), "identity.url");
        assertInvalid(minimalWith("url", "ftp://sso.example.com"), "identity.url");
        assertInvalid(minimalWith("realm", "paas/../master"), "identity.realm");
        assertInvalid(minimalWith("timeout", "soon"), "identity.timeout");
        assertInvalid(minimalWith("timeout", "0s"), "identity.timeout");
        assertInvalid(minimalWith("jwks-cache", "forever"), "identity.jwks-cache");
        assertInvalid(minimalWith("audience", " "), "identity.audience");
        assertInvalid(minimalWith("client-secret", ""), "identity.client-secret");
    }

    private void assertInvalid(Map<String, String> raw, String key) {
        assertThatThrownBy(() -> settings(raw)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID)).hasMessageContaining(key);
    }
}

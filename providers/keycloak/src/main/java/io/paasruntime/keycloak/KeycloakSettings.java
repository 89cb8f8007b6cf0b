package io.paasruntime.keycloak;

import io.paasruntime.spi.ProviderException;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the realm is and how the runtime talks to it. {@link #toString()} hides the secrets.
 *
 * @param url               Keycloak's base URL, e.g. {@code https://sso.example.com} (no trailing slash)
 * @param realm             the realm holding the runtime's users
 * @param clientId          the confidential client users log in through (password grant)
 * @param clientSecret      its secret
 * @param adminClientId     the client whose service account signs users up
 * @param adminClientSecret its secret
 * @param audience          the {@code aud} every accepted token must carry
 * @param tenantClaim       the user attribute, and the token claim it is mapped to, holding the tenant id
 * @param timeout           connect and request timeout of every call to Keycloak
 * @param jwksCache         how long the realm's keys are used before they are fetched again
 */
record KeycloakSettings(String url, String realm, String clientId, String clientSecret, String adminClientId,
                        String adminClientSecret, String audience, String tenantClaim, Duration timeout,
                        Duration jwksCache) {

    KeycloakSettings {
        url = stripTrailingSlash(notBlank(url, "url"));
        notBlank(realm, "realm");
        notBlank(clientId, "client-id");
        notBlank(clientSecret, "client-secret");
        notBlank(adminClientId, "admin-client-id");
        notBlank(adminClientSecret, "admin-client-secret");
        notBlank(audience, "audience");
        notBlank(tenantClaim, "tenant-claim");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(jwksCache, "jwksCache");
        URI parsed;
        try {
            parsed = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ProviderException.invalid("identity.url", "identity.url is not a URL");
        }
        if (!("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())) || parsed.getHost() == null) {
            throw ProviderException.invalid("identity.url", "identity.url must be an http(s) URL like https://sso.example.com");
        }
        if (!realm.matches("[A-Za-z0-9._-]+")) {
            throw ProviderException.invalid("identity.realm", "identity.realm must be a realm name (letters, digits, . _ -)");
        }
        if (timeout.toMillis() < 1) {
            throw ProviderException.invalid("identity.timeout", "identity.timeout must be positive");
        }
        if (jwksCache.isNegative()) {
            throw ProviderException.invalid("identity.jwks-cache", "identity.jwks-cache must not be negative");
        }
    }

    /** The {@code iss} of the realm's tokens; Keycloak derives it from the URL it is called on. */
    String issuer() {
        return url + "/realms/" + realm;
    }

    URI discovery() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    /** Base of the realm's Admin REST API, e.g. {@code …/admin/realms/paas}. */
    String adminBase() {
        return url + "/admin/realms/" + realm;
    }

    private static String notBlank(String value, String key) {
        if (value == null || value.isBlank()) {
            throw ProviderException.invalid("identity." + key, "identity." + key + " must not be blank");
        }
        return value.trim();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "KeycloakSettings[" + issuer() + ", client " + clientId + ", admin client " + adminClientId
                + ", audience " + audience + ", tenant claim " + tenantClaim + "]";
    }
}

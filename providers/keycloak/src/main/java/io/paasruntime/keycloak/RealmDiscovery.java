package io.paasruntime.keycloak;

import io.paasruntime.spi.ProviderException;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the realm's JWKS through its discovery document ({@code .well-known/openid-configuration}),
 * remembering the {@code jwks_uri} once found. Thread-safe.
 */
final class RealmDiscovery {
    private static final System.Logger LOG = System.getLogger(RealmDiscovery.class.getName());

    private final KeycloakHttp http;
    private final KeycloakSettings settings;
    private volatile URI jwksUri;

    RealmDiscovery(KeycloakHttp http, KeycloakSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** The realm's JWK Set document. @throws ProviderException {@code UNAVAILABLE} when Keycloak cannot give it */
    String jwks() {
        KeycloakHttp.Reply reply = http.get(jwksUri(), Optional.empty());
        if (!reply.ok()) {
            throw ProviderException.unavailable("Keycloak did not serve the realm's keys (" + reply.reason() + ")", null);
        }
        return reply.body();
    }

    private URI jwksUri() {
        URI known = jwksUri;
        if (known != null) {
            return known;
        }
        KeycloakHttp.Reply reply = http.get(settings.discovery(), Optional.empty());
        if (reply.status() == 404) {
            throw ProviderException.unavailable("Keycloak has no realm " + settings.realm() + " (check identity.realm)", null);
        }
        Map<String, Object> document = reply.json();
        if (!reply.ok() || !(document.get("jwks_uri") instanceof String uri)) {
            throw ProviderException.unavailable("Keycloak did not serve the realm's discovery document ("
                    + reply.reason() + ")", null);
        }
        if (!settings.issuer().equals(document.get("issuer"))) {
            // Keycloak's hostname settings decide the issuer; if it differs from identity.url every token is refused.
            LOG.log(System.Logger.Level.WARNING, "the realm announces issuer " + document.get("issuer") + " but tokens are "
                    + "checked for " + settings.issuer() + "; set identity.url to the URL Keycloak's hostname settings give");
        }
        jwksUri = URI.create(uri);
        return jwksUri;
    }
}

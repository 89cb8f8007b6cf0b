package io.paasruntime.keycloak;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.identity.TokenGrant;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The realm's token endpoint: the password grant users log in with, and the client-credentials grant
 * that gives the admin client's service account its token. Thread-safe.
 */
final class TokenEndpoint {
    /** The one answer to every refused login, so it does not reveal which emails have accounts. */
    static final String BAD_CREDENTIALS = "invalid email or password";

    /** An access token of the admin client and when it stops being valid. {@link #toString()} hides it. */
    record ServiceToken(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "ServiceToken[expiresAt=" + expiresAt + "]";
        }
    }

    private final KeycloakHttp http;
    private final KeycloakSettings settings;
    private final Clock clock;

    TokenEndpoint(KeycloakHttp http, KeycloakSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    TokenGrant passwordGrant(String email, String password) {
        KeycloakHttp.Reply reply = http.postForm(settings.tokenEndpoint(), Map.of(
                "grant_type", "password",
                "client_id", settings.clientId(),
                "client_secret", settings.clientSecret(),
                "username", email,
                "password", password));
        if (!reply.ok()) {
            // Keycloak answers a wrong password, an unknown user and a disabled account all with invalid_grant.
            if ("invalid_grant".equals(reply.json().get("error"))) {
                throw ProviderException.unauthorized(BAD_CREDENTIALS);
            }
            throw refusedClient(reply, "identity.client-id");
        }
        Map<String, Object> json = reply.json();
        return new TokenGrant(string(json, "access_token"), "Bearer", number(json, "expires_in"),
                Optional.ofNullable(json.get("refresh_token") instanceof String s ? s : null));
    }

    ServiceToken clientCredentials() {
        Instant now = clock.instant();
        KeycloakHttp.Reply reply = http.postForm(settings.tokenEndpoint(), Map.of(
                "grant_type", "client_credentials",
                "client_id", settings.adminClientId(),
                "client_secret", settings.adminClientSecret()));
        if (!reply.ok()) {
            throw refusedClient(reply, "identity.admin-client-id");
        }
        Map<String, Object> json = reply.json();
        return new ServiceToken(string(json, "access_token"), now.plusSeconds(number(json, "expires_in")));
    }

    /** Keycloak refused the runtime's own client: a configuration error the operator must fix. */
    private ProviderException refusedClient(KeycloakHttp.Reply reply, String key) {
        return ProviderException.internal("Keycloak refused the token request of the client named by " + key
                + " (" + reply.reason() + "); check " + key + " and its secret, realm " + settings.realm()
                + " and the client's grant settings", null);
    }

    private static String string(Map<String, Object> json, String key) {
        if (json.get(key) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw ProviderException.internal("Keycloak's token response has no " + key, null);
    }

    private static long number(Map<String, Object> json, String key) {
        if (json.get(key) instanceof Number n) {
            return n.longValue();
        }
        throw ProviderException.internal("Keycloak's token response has no " + key, null);
    }
}

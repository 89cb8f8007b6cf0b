package io.paasruntime.keycloak;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.paasruntime.spi.ProviderException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Admin REST API calls signup needs, made with the admin client's service account token, which
 * is cached until shortly before it expires. Not final: tests override one call to make it fail.
 * Thread-safe.
 */
class KeycloakAdmin {
    /** Fetch a new service token this long before the cached one expires, so no call races its expiry. */
    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(30);

    private final KeycloakHttp http;
    private final TokenEndpoint tokens;
    private final KeycloakSettings settings;
    private final Clock clock;
    private TokenEndpoint.ServiceToken serviceToken;

    KeycloakAdmin(KeycloakHttp http, TokenEndpoint tokens, KeycloakSettings settings, Clock clock) {
        this.http = http;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates an organization named and aliased {@code name}, tagged with the tenant id; returns its id. */
    String createOrganization(String name, UUID tenantId) {
        String body = JSONObjectUtils.toJSONString(Map.of("name", name, "alias", name,
                "attributes", Map.of(settings.tenantClaim(), List.of(tenantId.toString()))));
        KeycloakHttp.Reply reply = postJson("/organizations", body);
        if (reply.status() == 409) {
            throw ProviderException.conflict("a tenant named " + name + " already exists");
        }
        return created(reply, "create the organization");
    }

    /** Creates an enabled user whose username and email are {@code email}, with the password set; returns its id. */
    String createUser(String email, String password, UUID tenantId) {
        String body = JSONObjectUtils.toJSONString(Map.of(
                "username", email,
                "email", email,
                "enabled", true,
                "emailVerified", true,
                "attributes", Map.of(settings.tenantClaim(), List.of(tenantId.toString())),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        KeycloakHttp.Reply reply = postJson("/users", body);
        if (reply.status() == 409) {
            throw ProviderException.conflict("an account with this email already exists");
        }
        return created(reply, "create the user");
    }

    /**
     * Whether the user kept the tenant attribute: Keycloak silently drops attributes its user profile
     * does not declare, which would leave the user's tokens without a tenant.
     */
    boolean hasTenantAttribute(String userId, UUID tenantId) {
        KeycloakHttp.Reply reply = http.get(uri("/users/" + userId), Optional.of(token(false)));
        if (!reply.ok()) {
            throw failed(reply, "read the new user");
        }
        return reply.json().get("attributes") instanceof Map<?, ?> attributes
                && attributes.get(settings.tenantClaim()) instanceof List<?> values
                && values.contains(tenantId.toString());
    }

    /** The user attribute (and token claim) holding the tenant id. */
    String tenantAttribute() {
        return settings.tenantClaim();
    }

    void addMember(String organizationId, String userId) {
        // The members endpoint takes the bare user id as a JSON string.
        KeycloakHttp.Reply reply = postJson("/organizations/" + organizationId + "/members", "\"" + userId + "\"");
        created(reply, "add the user to the organization");
    }

    void deleteUser(String userId) {
        delete("/users/" + userId, "delete the user");
    }

    void deleteOrganization(String organizationId) {
        delete("/organizations/" + organizationId, "delete the organization");
    }

    private KeycloakHttp.Reply postJson(String path, String body) {
        KeycloakHttp.Reply reply = http.postJson(uri(path), token(false), body);
        if (reply.status() == 401) {
            // The cached token was revoked or the realm's keys changed: one retry with a fresh one.
            reply = http.postJson(uri(path), token(true), body);
        }
        return reply;
    }

    private void delete(String path, String what) {
        KeycloakHttp.Reply reply = http.delete(uri(path), token(false));
        if (reply.status() == 401) {
            reply = http.delete(uri(path), token(true));
        }
        if (!reply.ok() && reply.status() != 404) {
            throw failed(reply, what);
        }
    }

    private String created(KeycloakHttp.Reply reply, String what) {
        if (!reply.ok()) {
            throw failed(reply, what);
        }
        return reply.status() == 201 && reply.location().isPresent() ? reply.createdId() : "";
    }

    private ProviderException failed(KeycloakHttp.Reply reply, String what) {
        if (reply.status() == 401 || reply.status() == 403) {
            return ProviderException.internal("Keycloak refused to let the service account of identity.admin-client-id "
                    + what + " (" + reply.reason() + "); it needs the realm-management roles manage-users, "
                    + "view-users and manage-realm, and the realm needs organizations enabled", null);
        }
        return ProviderException.internal("Keycloak could not " + what + " (" + reply.reason() + ")", null);
    }

    private synchronized String token(boolean renew) {
        if (renew || serviceToken == null || !clock.instant().plus(EARLY_RENEWAL).isBefore(serviceToken.expiresAt())) {
            serviceToken = tokens.clientCredentials();
        }
        return serviceToken.value();
    }

    private URI uri(String path) {
        return URI.create(settings.adminBase() + path);
    }
}

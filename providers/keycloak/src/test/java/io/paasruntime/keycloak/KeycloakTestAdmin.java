package io.paasruntime.keycloak;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What tests do to a running {@link KeycloakServer} besides using the provider: look at users and
 * organizations, add realms, clients and signing keys, and get raw tokens. Uses the Admin REST API as
 * the bootstrap admin of the master realm, with a fresh token per call (master tokens live a minute).
 */
public final class KeycloakTestAdmin {
    private final String url;
    private final String username;
    private final String password;
    private final HttpClient http;

    KeycloakTestAdmin(String url, String username, String password, HttpClient http) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.http = http;
    }

    /** Creates a realm from the test realm file under another name (for tests that change realm-wide state). */
    public void createRealm(String name) {
        expect(admin("POST", "/admin/realms", KeycloakServer.renamedRealm(KeycloakServer.realmJson(), name)), 201, "create realm " + name);
    }

    /**
     * Adds a confidential client {@code clientId} (secret = the client id) to {@code realm} that, like
     * the API client, allows the password grant and maps the tenant, but puts only itself in {@code aud}.
     * Does nothing when it exists.
     */
    public void ensureClient(String realm, String clientId) {
        String client = JSONObjectUtils.toJSONString(Map.of(
                "clientId", clientId, "publicClient", false, "secret", clientId,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true,
                "protocolMappers", List.of(
                        Map.of("name", "audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                                "config", Map.of("included.client.audience", clientId, "access.token.claim", "true")),
                        Map.of("name", "tenant id", "protocol", "openid-connect",
                                "protocolMapper", "oidc-usermodel-attribute-mapper",
                                "config", Map.of("user.attribute", "tenant_id", "claim.name", "tenant_id",
                                        "jsonType.label", "String", "access.token.claim", "true")))));
        int status = admin("POST", "/admin/realms/" + realm + "/clients", client).statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("could not create client " + clientId + ": HTTP " + status);
        }
    }

    /** Makes a new RS256 key the realm's active signing key; the old one stays published. */
    public void rotateSigningKey(String realm) {
        String realmId = (String) json(expect(admin("GET", "/admin/realms/" + realm, null), 200, "read realm")).get("id");
        String component = JSONObjectUtils.toJSONString(Map.of(
                "name", "rotated-" + System.nanoTime(), "providerId", "rsa-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of(String.valueOf(1000 + System.currentTimeMillis() % 100_000)),
                        "algorithm", List.of("RS256"), "keySize", List.of("2048"))));
        expect(admin("POST", "/admin/realms/" + realm + "/components", component), 201, "add a signing key");
    }

    /** The user whose email is {@code email}, as the Admin API shows it. */
    public Optional<Map<String, Object>> user(String realm, String email) {
        return first(expect(admin("GET", "/admin/realms/" + realm + "/users?exact=true&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8), null), 200, "find user"));
    }

    /** The organization whose alias is {@code alias}. */
    public Optional<Map<String, Object>> organization(String realm, String alias) {
        return first(expect(admin("GET", "/admin/realms/" + realm + "/organizations?briefRepresentation=false&exact=true&search="
                + URLEncoder.encode(alias, StandardCharsets.UTF_8), null), 200, "find organization"))
                .filter(org -> alias.equals(org.get("alias")));
    }

    /** The ids of the members of organization {@code organizationId}. */
    public List<String> memberIds(String realm, String organizationId) {
        String body = expect(admin("GET", "/admin/realms/" + realm + "/organizations/" + organizationId + "/members",
                null), 200, "list members");
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> member : array(body)) {
            ids.add((String) member.get("id"));
        }
        return ids;
    }

    /** A raw password grant on {@code realm}, with extra form fields (e.g. {@code scope=openid}); the JSON answer. */
    public Map<String, Object> passwordGrant(String realm, String clientId, String secret, String username,
                                             String password, Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(extra);
        form.putAll(Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret,
                "username", username, "password", password));
        return json(expect(postForm(url + "/realms/" + realm + "/protocol/openid-connect/token", form), 200,
                "password grant"));
    }

    /** A client-credentials token of {@code clientId} on {@code realm}. */
    public String serviceAccountToken(String realm, String clientId, String secret) {
        return (String) json(expect(postForm(url + "/realms/" + realm + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)), 200,
                "client credentials grant")).get("access_token");
    }

    private HttpResponse<String> admin(String method, String path, String json) {
        String token = (String) json(expect(postForm(url + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", username,
                "password", password)), 200, "bootstrap admin login")).get("access_token");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build());
    }

    private HttpResponse<String> postForm(String address, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("not a JSON object: " + body, e);
        }
    }

    private static List<Map<String, Object>> array(String body) {
        return json("{\"a\":" + body + "}").get("a") instanceof List<?> list
                ? list.stream().map(item -> {
                    @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) item;
                    return map;
                }).toList()
                : List.of();
    }

    private static Optional<Map<String, Object>> first(String body) {
        return array(body).stream().findFirst();
    }

}

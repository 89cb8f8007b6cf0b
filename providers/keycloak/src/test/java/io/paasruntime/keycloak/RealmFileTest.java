package io.paasruntime.keycloak;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm file operators import (docs/keycloak) is the one the tests run against, and it declares
 * what the provider relies on; a change to one without the other fails here.
 */
class RealmFileTest {
    private static final Path DOCS_COPY = Path.of("../../docs/keycloak/paas-realm.json");

    @Test
    void theDocsCopyIsTheTestedRealm() throws Exception {
        assertThat(Files.readString(DOCS_COPY)).isEqualTo(KeycloakServer.realmJson());
    }

    @Test
    void theRealmDeclaresOrganizationsClientsMappersRolesAndTheTenantAttribute() throws Exception {
        Map<String, Object> realm = JSONObjectUtils.parse(KeycloakServer.realmJson());

        assertThat(realm).containsEntry("realm", "paas").containsEntry("organizationsEnabled", true);
        Map<String, Object> api = client(realm, KeycloakServer.API_CLIENT);
        assertThat(api).containsEntry("publicClient", false).containsEntry("directAccessGrantsEnabled", true);
        assertThat(api.toString()).contains("oidc-audience-mapper").contains("included.client.audience=paas-api")
                .contains("oidc-usermodel-attribute-mapper").contains("claim.name=tenant_id");
        assertThat(client(realm, KeycloakServer.ADMIN_CLIENT)).containsEntry("serviceAccountsEnabled", true);
        assertThat(realm.get("users").toString()).contains("serviceAccountClientId=paas-admin")
                .contains("manage-users").contains("view-users").contains("manage-realm");
        assertThat(realm.get("components").toString()).contains("\"name\":\"tenant_id\"")
                .contains("\"edit\":[\"admin\"]");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> client(Map<String, Object> realm, String clientId) {
        return ((List<Map<String, Object>>) realm.get("clients")).stream()
                .filter(c -> clientId.equals(c.get("clientId"))).findFirst().orElseThrow();
    }
}

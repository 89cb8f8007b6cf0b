package io.paasruntime.server;

import io.paasruntime.keycloak.KeycloakExtension;
import io.paasruntime.keycloak.KeycloakIdentityProviderFactory;
import io.paasruntime.keycloak.KeycloakServer;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.identity.SignupRequest;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server on {@code identity.provider: keycloak} against a real Keycloak 26.7.3 with the test realm
 * (docs/keycloak/paas-realm.json): signup and login go through Keycloak, the API accepts its tokens and
 * refuses those of another realm.
 */
@ExtendWith(KeycloakExtension.class)
class KeycloakIdentityServerTest {
    @TempDir
    static Path dataDir;
    static KeycloakServer keycloak;
    static TestServer api;

    @BeforeAll
    static void start(KeycloakServer server) {
        keycloak = server;
        Map<String, String> settings = new HashMap<>();
        keycloak.identitySettings(KeycloakServer.REALM).forEach((key, value) -> settings.put("identity." + key, value));
        settings.put("identity.provider", "keycloak");
        api = TestServer.start(dataDir, settings);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void signupAndLoginGoThroughKeycloakAndItsTokenOpensTheApi() {
        TestServer.Response signup = api.post("/v1/signup", null,
                "{\"email\":\"Kim@Example.com\",\"password\":\"keycloak-pw-1\",\"tenant\":\"kims\"}");
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        assertThat(signup.json().at("/user/email").asText()).isEqualTo("kim@example.com");
        assertThat(keycloak.admin().user(KeycloakServer.REALM, "kim@example.com")).get()
                .extracting(user -> user.get("id")).isEqualTo(signup.json().at("/user/id").asText());

        TestServer.Response login = api.post("/v1/auth/login", null,
                "{\"email\":\"kim@example.com\",\"password\":\"keycloak-pw-1\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("token_type").asText()).isEqualTo("Bearer");
        String token = login.json().get("access_token").asText();

        TestServer.Response apps = api.get("/v1/apps", token);
        assertThat(apps.status()).as(apps.body()).isEqualTo(200);
        assertThat(apps.json().get("items")).isEmpty();
        assertThat(api.post("/v1/apps", token, "{\"name\":\"kc-app\"}").status()).isEqualTo(201);
        assertThat(api.get("/v1/apps", token).json().get("items").findValuesAsText("name")).containsExactly("kc-app");
    }

    @Test
    void wrongPasswordIsUnauthorizedAndATakenEmailIsAConflict() {
        api.post("/v1/signup", null, "{\"email\":\"lee@example.com\",\"password\":\"keycloak-pw-2\",\"tenant\":\"lees\"}");

        api.post("/v1/auth/login", null, "{\"email\":\"lee@example.com\",\"password\":\"not-it-at-all\"}")
                .assertError(401, "unauthorized");
        api.post("/v1/signup", null, "{\"email\":\"LEE@example.com\",\"password\":\"keycloak-pw-2\",\"tenant\":\"lees-2\"}")
                .assertError(409, "conflict");
    }

    @Test
    void aTokenOfAnotherRealmOfTheSameKeycloakIsUnauthorized() {
        var factory = new KeycloakIdentityProviderFactory();
        ProviderConfig config = ProviderConfig.of("identity", keycloak.identitySettings(KeycloakServer.OTHER_REALM),
                factory.configKeys());
        String foreign;
        try (IdentityProvider otherRealm = factory.create(config, TestProviderContext.of(dataDir))) {
            otherRealm.signup(new SignupRequest("stranger@example.com", "keycloak-pw-3", "strangers"));
            foreign = otherRealm.login("stranger@example.com", "keycloak-pw-3").accessToken();
        }

        api.get("/v1/apps", foreign).assertError(401, "unauthorized");
    }
}

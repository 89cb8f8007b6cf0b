package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first ten minutes over HTTP: sign up, log in, create, list, show, rename, delete, restore. */
class AppsWalkthroughTest {
    @TempDir
    static Path dataDir;
    static TestServer api;

    @BeforeAll
    static void start() {
        api = TestServer.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void healthzAnswersOkWithoutAToken() {
        TestServer.Response health = api.get("/v1/healthz", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(health.header("RateLimit-Limit")).as("healthz is not rate limited").isNull();
    }

    @Test
    void signupAnswersTheUserAndTenantAndLoginIssuesABearerToken() {
        TestServer.Response signup = api.post("/v1/signup", null,
                "{\"email\":\"Walker@Example.com\",\"password\":\"correct-horse\",\"tenant\":\"walkers\"}");
        assertThat(signup.status()).isEqualTo(201);
        assertThat(signup.json().at("/user/email").asText()).isEqualTo("walker@example.com");
        assertThat(signup.json().at("/tenant/name").asText()).isEqualTo("walkers");
        assertThat(signup.json().at("/tenant/id").asText()).hasSize(36);

        TestServer.Response login = api.post("/v1/auth/login", null,
                "{\"email\":\"walker@example.com\",\"password\":\"correct-horse\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(login.json().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(login.json().get("access_token").asText().split("\\.")).hasSize(3);

        TestServer.Response legacy = api.post("/api/v1/auth/login", null,
                "{\"email\":\"walker@example.com\",\"password\":\"correct-horse\"}");
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.json().get("access_token").asText()).isNotBlank();
    }

    @Test
    void jwksPublishesTheSigningKeys() {
        TestServer.Response jwks = api.get("/v1/auth/jwks", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").get(0).get("kty").asText()).isEqualTo("RSA");
        assertThat(jwks.json().get("keys").get(0).has("d")).as("no private part").isFalse();
    }

    @Test
    void anAppGoesThroughCreateListShowRenameDeleteAndRestore() {
        String token = api.signupAndLogin("life@example.com", "lifecycle-pw", "lifecycle");

        TestServer.Response created = api.post("/v1/apps", token, "{\"name\":\"shop-api\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode app = created.json();
        String id = app.get("id").asText();
        assertThat(app.get("name").asText()).isEqualTo("shop-api");
        assertThat(app.has("deleted_at")).isTrue();
        assertThat(app.get("deleted_at").isNull()).isTrue();
        assertThat(app.get("current_release").isNull()).isTrue();
        assertThat(app.get("created_at").asText()).isNotBlank();

        TestServer.Response list = api.get("/v1/apps", token);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").findValuesAsText("id")).containsExactly(id);
        assertThat(list.json().get("next_cursor").isNull()).isTrue();

        assertThat(api.get("/v1/apps/" + id, token).json().get("name").asText()).isEqualTo("shop-api");
        assertThat(api.get("/v1/apps/shop-api", token).json().get("id").asText()).isEqualTo(id);

        TestServer.Response renamed = api.patch("/v1/apps/shop-api", token, "{\"name\":\"shop-backend\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("id").asText()).isEqualTo(id);
        assertThat(renamed.json().get("name").asText()).isEqualTo("shop-backend");
        api.get("/v1/apps/shop-api", token).assertError(404, "not_found");

        TestServer.Response deleted = api.delete("/v1/apps/" + id, token);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted_at").isNull()).isFalse();
        api.get("/v1/apps/" + id, token).assertError(404, "not_found");
        assertThat(api.get("/v1/apps", token).json().get("items")).isEmpty();
        TestServer.Response deletedList = api.get("/v1/apps?deleted=true", token);
        assertThat(deletedList.json().get("items").findValuesAsText("id")).containsExactly(id);

        TestServer.Response restored = api.post("/v1/apps/" + id + "/restore", token, null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().get("deleted_at").isNull()).isTrue();
        assertThat(api.get("/v1/apps/shop-backend", token).status()).isEqualTo(200);
        assertThat(api.get("/v1/apps?deleted=true", token).json().get("items")).isEmpty();
    }

    @Test
    void listsArePagedWithACursor() {
        String token = api.signupAndLogin("pages@example.com", "paging-pw-1", "pagers");
        for (String name : new String[]{"app-one", "app-two", "app-three"}) {
            assertThat(api.post("/v1/apps", token, "{\"name\":\"" + name + "\"}").status()).isEqualTo(201);
        }
        TestServer.Response first = api.get("/v1/apps?limit=2", token);
        assertThat(first.json().get("items")).hasSize(2);
        String cursor = first.json().get("next_cursor").asText();
        TestServer.Response second = api.get("/v1/apps?limit=2&cursor=" + cursor, token);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("next_cursor").isNull()).isTrue();
        assertThat(second.json().get("items").findValuesAsText("name")).containsExactly("app-three");
    }

    @Test
    void configVarsAreSetAndUnsetAsAFlatObject() {
        String token = api.signupAndLogin("config@example.com", "config-pw-1", "configurers");
        api.post("/v1/apps", token, "{\"name\":\"configured\"}");
        TestServer.Response set = api.patch("/v1/apps/configured/config", token, "{\"GREETING\":\"hello\",\"MODE\":\"x\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("GREETING").asText()).isEqualTo("hello");
        TestServer.Response unset = api.patch("/v1/apps/configured/config", token, "{\"MODE\":null}");
        assertThat(unset.json().properties()).hasSize(1);
        assertThat(api.get("/v1/apps/configured/config", token).json().get("GREETING").asText()).isEqualTo("hello");
    }

    @Test
    void anIncomingRequestIdIsKeptAndAMissingOneIsMade() {
        TestServer.Response mine = api.send("GET", "/v1/healthz", null, null, "X-Request-Id", "client-id-12345");
        assertThat(mine.header("X-Request-Id")).isEqualTo("client-id-12345");
        TestServer.Response made = api.get("/v1/healthz", null);
        assertThat(made.header("X-Request-Id")).startsWith("req_");
        TestServer.Response junk = api.send("GET", "/v1/healthz", null, null, "X-Request-Id", "bad id with spaces");
        assertThat(junk.header("X-Request-Id")).startsWith("req_");
    }
}

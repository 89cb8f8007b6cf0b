package io.paasruntime.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** State lives in the data directory: a restarted server knows its tenants, users, apps and signing keys. */
class RestartTest {
    @TempDir
    Path dataDir;

    @Test
    void tenantsUsersAndAppsSurviveARestartAndTokensStayValid() {
        String token;
        String appId;
        try (TestServer first = TestServer.start(dataDir, Map.of())) {
            token = first.signupAndLogin("durable@example.com", "durable-pw-1", "durables");
            appId = first.post("/v1/apps", token, "{\"name\":\"durable-app\"}").json().get("id").asText();
            first.delete("/v1/apps/" + appId, token);
            first.post("/v1/apps/" + appId + "/restore", token, null);
        }
        try (TestServer second = TestServer.start(dataDir, Map.of())) {
            assertThat(second.get("/v1/apps/durable-app", token).json().get("id").asText())
                    .as("a token issued before the restart is still valid").isEqualTo(appId);
            String fresh = second.login("durable@example.com", "durable-pw-1");
            assertThat(second.get("/v1/apps", fresh).json().get("items").findValuesAsText("id")).containsExactly(appId);
            second.post("/v1/signup", null, "{\"email\":\"durable@example.com\",\"password\":\"durable-pw-2\",\"tenant\":\"again\"}")
                    .assertError(409, "conflict");
        }
        // the same signing keys, but this server expects another audience
        try (TestServer third = TestServer.start(dataDir, Map.of("identity.audience", "someone-else"))) {
            TestServer.Response refused = third.get("/v1/apps", token).assertError(401, "unauthorized");
            assertThat(refused.json().at("/error/message").asText()).contains("audience");
        }
    }
}

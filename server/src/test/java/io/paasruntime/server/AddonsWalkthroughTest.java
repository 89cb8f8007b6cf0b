package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasruntime.tck.database.DatabaseProviderContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Database add-ons end to end on the embedded defaults: the databases live on the runtime's own
 * embedded PostgreSQL (the provider's contract against a system server runs in providers/postgres).
 */
class AddonsWalkthroughTest {
    @TempDir
    static Path dataDir;
    static TestServer api;
    static String token;

    @BeforeAll
    static void start() {
        api = TestServer.start(dataDir, Map.of());
        token = api.signupAndLogin("db@example.com", "database-pw", "databases");
        assertThat(api.post("/v1/apps", token, "{\"name\":\"shop\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private Map<String, String> config() {
        TestServer.Response r = api.get("/v1/apps/shop/config", token);
        assertThat(r.status()).isEqualTo(200);
        return TestServer.JSON.convertValue(r.json(), TestServer.JSON.getTypeFactory()
                .constructMapType(Map.class, String.class, String.class));
    }

    @Test
    void aDatabaseIsAttachedUsedIsolatedAndDetached() throws SQLException {
        TestServer.Response created = api.post("/v1/addons/database", token, "{\"app\":\"shop\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode addon = created.json();
        assertThat(addon.get("kind").asText()).isEqualTo("postgresql");
        assertThat(addon.get("plan").asText()).isEqualTo("dev");
        assertThat(addon.get("status").asText()).isEqualTo("available");
        assertThat(addon.get("config_var").asText()).isEqualTo("DATABASE_URL");
        assertThat(addon.get("app_id").asText()).hasSize(36);
        assertThat(addon.get("created_at").asText()).isNotBlank();
        assertThat(created.body()).doesNotContain("postgres://").doesNotContain("url");

        String url = config().get("DATABASE_URL");
        assertThat(url).startsWith("postgres://");
        try (Connection c = DatabaseProviderContractTest.connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE visits (id serial primary key)");
            s.execute("INSERT INTO visits DEFAULT VALUES");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM visits")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }

        TestServer.Response second = api.post("/v1/addons/database", token,
                "{\"app\":\"shop\",\"name\":\"reports\",\"plan\":\"standard\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("config_var").asText()).isEqualTo("REPORTS_DATABASE_URL");
        String reports = config().get("REPORTS_DATABASE_URL");
        String reportsServer = reports.substring(0, reports.lastIndexOf('/') + 1);
        for (String other : new String[] {url.substring(url.lastIndexOf('/') + 1), "paas", "postgres"}) {
            assertThatThrownBy(() -> DatabaseProviderContractTest.connect(reportsServer + other).close())
                    .as(other).isInstanceOf(SQLException.class);
        }

        TestServer.Response list = api.get("/v1/apps/shop/addons", token);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").findValuesAsText("name"))
                .containsExactly(addon.get("name").asText(), "reports");
        assertThat(list.body()).doesNotContain("postgres://");
        assertThat(api.get("/v1/addons/" + addon.get("id").asText(), token).json().get("name").asText())
                .isEqualTo(addon.get("name").asText());

        TestServer.Response deleted = api.delete("/v1/addons/" + addon.get("id").asText(), token);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("status").asText()).isEqualTo("deprovisioned");
        assertThat(config()).doesNotContainKey("DATABASE_URL").containsKey("REPORTS_DATABASE_URL");
        assertThatThrownBy(() -> DatabaseProviderContractTest.connect(url).close()).isInstanceOf(SQLException.class);
        api.get("/v1/addons/" + addon.get("id").asText(), token).assertError(404, "not_found");
        assertThat(api.delete("/v1/addons/" + second.json().get("id").asText(), token).status()).isEqualTo(200);
    }

    @Test
    void badRequestsAreRefusedAndOtherTenantsSeeNothing() {
        api.post("/v1/addons/database", token, "{}").assertInvalid("app");
        api.post("/v1/addons/database", token, "{\"app\":\"shop\",\"plan\":\"huge\"}").assertInvalid("plan");
        api.post("/v1/addons/database", token, "{\"app\":\"shop\",\"name\":\"Bad Name\"}").assertInvalid("name");
        api.post("/v1/addons/database", token, "{\"app\":\"no-such-app\"}").assertError(404, "not_found");
        api.get("/v1/addons/not-an-id", token).assertError(404, "not_found");
        api.get("/v1/addons/database", null).assertError(401, "unauthorized");

        TestServer.Response created = api.post("/v1/addons/database", token, "{\"app\":\"shop\",\"name\":\"private\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        api.post("/v1/addons/database", token, "{\"app\":\"shop\",\"name\":\"private\"}").assertError(409, "conflict");
        String other = api.signupAndLogin("other@example.com", "other-tenant-pw", "others");
        api.get("/v1/addons/" + id, other).assertError(404, "not_found");
        api.delete("/v1/addons/" + id, other).assertError(404, "not_found");
        api.get("/v1/apps/shop/addons", other).assertError(404, "not_found");
        assertThat(api.delete("/v1/addons/" + id, token).status()).isEqualTo(200);
    }
}

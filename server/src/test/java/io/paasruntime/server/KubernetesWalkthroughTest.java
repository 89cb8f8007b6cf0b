package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.paasruntime.kubernetes.SimulatedControllers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API walkthrough with {@code orchestration.provider: kubernetes} against Fabric8's mock API
 * server in CRUD mode, with the cluster's controllers simulated: create an app, deploy an image,
 * list its processes, restart, scale, roll back and delete it through {@code /v1}.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesWalkthroughTest {
    KubernetesClient cluster;
    @TempDir
    Path dataDir;

    @Test
    void anImageAppIsDeployedListedRestartedScaledRolledBackAndDeleted() throws Exception {
        Map<String, String> settings = Map.of("orchestration.provider", "kubernetes",
                "orchestration.master-url", cluster.getMasterUrl().toString(),
                "orchestration.poll-interval", "100ms");
        try (TestServer api = TestServer.start(dataDir, settings)) {
            String token = api.signupAndLogin("kube@example.com", "kube-walk-pw", "kubers");
            TestServer.Response created = api.post("/v1/apps", token, "{\"name\":\"shop\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            UUID appId = UUID.fromString(created.json().get("id").asText());
            SimulatedControllers controllers = new SimulatedControllers(cluster);

            TestServer.Response v1 = api.post("/v1/apps/shop/deploys", token, "{\"image\":\"registry.example.com/team/shop:1\","
                    + "\"processes\":{\"web\":{\"command\":\"./server --port $PORT\"},\"worker\":{\"command\":\"./worker\"}}}");
            assertThat(v1.status()).as(v1.body()).isEqualTo(201);
            JsonNode app = awaitApp(api, token, controllers, appId, a -> a.at("/current_release/version").asInt() == 1);
            assertThat(app.get("web_url").asText()).matches("http://shop-web\\.paas-[0-9a-f-]{36}\\.svc\\.cluster\\.local");
            assertThat(api.get("/v1/apps/shop/deploys/" + v1.json().get("id").asText(), token).json().get("status").asText())
                    .isEqualTo("succeeded");

            JsonNode processes = api.get("/v1/apps/shop/processes", token).json();
            assertThat(processes.get("types").findValuesAsText("type")).containsExactly("web", "worker");
            assertThat(processes.at("/types/0/instances")).hasSize(1);
            assertThat(processes.at("/types/0/instances/0/state").asText()).isEqualTo("up");
            assertThat(processes.at("/types/0/instances/0/id").asText()).startsWith("shop-web-");

            TestServer.Response restart = api.post("/v1/apps/shop/restart?type=worker", token, null);
            assertThat(restart.status()).as(restart.body()).isEqualTo(202);
            assertThat(deployment("shop-worker").getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsKey("kubectl.kubernetes.io/restartedAt");

            TestServer.Response scaled = api.patch("/v1/apps/shop/processes/web", token, "{\"replicas\":3}");
            assertThat(scaled.status()).as(scaled.body()).isEqualTo(200);
            assertThat(deployment("shop-web").getSpec().getReplicas()).isEqualTo(3);
            awaitApp(api, token, controllers, appId, a -> api.get("/v1/apps/shop/processes", token).json()
                    .at("/types/0/instances").size() == 3);

            TestServer.Response v2 = api.post("/v1/apps/shop/deploys", token, "{\"image\":\"registry.example.com/team/shop:2\","
                    + "\"processes\":{\"web\":{\"command\":\"./server --port $PORT\"}}}");
            assertThat(v2.status()).as(v2.body()).isEqualTo(201);
            awaitApp(api, token, controllers, appId, a -> a.at("/current_release/version").asInt() == 2);
            assertThat(image("shop-web")).isEqualTo("registry.example.com/team/shop:2");
            assertThat(deployment("shop-worker")).as("v2 has no worker").isNull();
            assertThat(deployment("shop-web").getSpec().getReplicas()).as("scale survives a deploy").isEqualTo(3);

            TestServer.Response rollback = api.post("/v1/apps/shop/deploys/" + v1.json().get("id").asText() + "/rollback", token, null);
            assertThat(rollback.status()).as(rollback.body()).isEqualTo(201);
            awaitApp(api, token, controllers, appId, a -> a.at("/current_release/version").asInt() == 3);
            assertThat(image("shop-web")).isEqualTo("registry.example.com/team/shop:1");
            assertThat(deployment("shop-worker")).as("the rollback brings the worker back").isNotNull();

            assertThat(api.delete("/v1/apps/shop", token).status()).isEqualTo(200);
            assertThat(cluster.apps().deployments().inAnyNamespace().withLabel("paas.io/app", appId.toString()).list().getItems())
                    .isNotEmpty().allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isZero());
            api.get("/v1/apps/shop", token).assertError(404, "not_found");
        }
    }

    private JsonNode awaitApp(TestServer api, String token, SimulatedControllers controllers, UUID appId,
                              Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            controllers.converge(appId);
            JsonNode app = api.get("/v1/apps/shop", token).json();
            if (done.test(app)) {
                return app;
            }
            assertThat(Instant.now()).as("app reached the expected state within 30 s: %s", app).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private Deployment deployment(String name) {
        List<Deployment> found = cluster.apps().deployments().inAnyNamespace().list().getItems().stream()
                .filter(d -> d.getMetadata().getName().equals(name)).toList();
        return found.isEmpty() ? null : found.getFirst();
    }

    private String image(String deployment) {
        return deployment(deployment).getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }
}

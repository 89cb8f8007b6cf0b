package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.tck.orchestration.OrchestratorContractTest;

import java.time.Clock;
import java.util.Map;

/** The orchestrator contract against Fabric8's mock API server in CRUD mode, with simulated controllers. */
@EnableKubernetesMockClient(crud = true)
class KubernetesOrchestratorContractTest extends OrchestratorContractTest {
    KubernetesClient client;

    @Override
    protected Orchestrator newOrchestrator() {
        return new KubernetesOrchestrator(client, MockClusters.perTenant(), Clock.systemUTC(), false);
    }

    @Override
    protected SourceUpload source() {
        return new SourceUpload.Image("registry.example.com/team/app:1.0",
                Map.of("web", "bundle exec puma -p $PORT", "worker", "./bin/worker --queue default"));
    }

    @Override
    protected void makeReady(AppRef app) {
        new SimulatedControllers(client).converge(app.appId());
    }
}

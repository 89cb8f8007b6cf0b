package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.ProcessSpec;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.tck.orchestration.RecordingListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifests in {@code deploy/kubernetes}: well-formed, consistent, and granting what the orchestrator uses. */
@EnableKubernetesMockClient(crud = true)
class DeployManifestsTest {
    private static final Path MANIFESTS = Path.of(System.getProperty("basedir", ".")).resolve("../../deploy/kubernetes").normalize();
    private static final Pattern API_PATH = Pattern.compile(
            "/(?:api/v1|apis/(?<group>[^/]+)/[^/]+)(?:/namespaces/[^/?]+)?/(?<resource>[a-z]+)(?<name>/[^/?]+)?(?:\\?.*)?");

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void everyManifestParsesIntoKnownKubernetesFieldsOnly() throws IOException {
        List<HasMetadata> objects = load();

        assertThat(objects).extracting(HasMetadata::getKind).contains("Namespace", "ServiceAccount", "ClusterRole",
                "ClusterRoleBinding", "Secret", "Deployment", "Service");
        for (HasMetadata object : objects) {
            assertThat(unknownFields(object, object.getKind())).as(object.getKind() + " " + object.getMetadata().getName()).isEmpty();
        }
    }

    @Test
    void serverDeploymentRunsTwoReplicasWithHealthProbesTheKubernetesOrchestratorAndTheSettingsSecret() throws IOException {
        List<HasMetadata> objects = load();
        Deployment server = only(objects, Deployment.class);
        var container = server.getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(server.getSpec().getReplicas()).isEqualTo(2);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/v1/healthz");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/v1/healthz");
        assertThat(container.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("RUNTIME_ORCHESTRATION_PROVIDER");
            assertThat(e.getValue()).isEqualTo("kubernetes");
        });
        assertThat(container.getEnvFrom()).singleElement()
                .satisfies(e -> assertThat(e.getSecretRef().getName()).isEqualTo(only(objects, Secret.class).getMetadata().getName()));
        assertThat(only(objects, Secret.class).getStringData()).containsKeys("RUNTIME_STORE_URL", "RUNTIME_STORE_PASSWORD");
        assertThat(server.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(only(objects, ClusterRoleBinding.class).getSubjects().getFirst().getName());
        assertThat(server.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    }

    @Test
    void clusterRoleGrantsEveryRequestTheOrchestratorMakes() throws Exception {
        ClusterRole role = only(load(), ClusterRole.class);
        KubernetesClient simulatorClient = server.createClient(b -> b.editOrNewConfig().withUserAgent("simulator").endConfig());
        SimulatedControllers simulator = new SimulatedControllers(simulatorClient);
        RecordingListener listener = new RecordingListener();
        AppRef app = new AppRef(UUID.randomUUID(), UUID.randomUUID(), "shop");
        try (KubernetesOrchestrator orchestrator = new KubernetesOrchestrator(client,
                MockClusters.singleNamespaceWithIngress("apps", "apps.example.com"), Clock.systemUTC(), false);
             KubernetesOrchestrator perTenant = new KubernetesOrchestrator(client, MockClusters.perTenant(), Clock.systemUTC(), false)) {
            for (KubernetesOrchestrator o : List.of(orchestrator, perTenant)) {
                UUID release = UUID.randomUUID();
                o.apply(new io.paasruntime.spi.orchestration.Deployment(app, release, 1, "image", "nginx:1",
                        Map.of("web", new ProcessSpec("web", "x", 1, "small"), "worker", new ProcessSpec("worker", "y", 1, "small")),
                        Map.of("A", "1")), listener);
                awaitSucceeded(listener, release, () -> simulator.converge(app.appId()));
                UUID failing = UUID.randomUUID();
                o.apply(new io.paasruntime.spi.orchestration.Deployment(app, failing, 2, "image", "nginx:2",
                        Map.of("web", new ProcessSpec("web", "x", 1, "small")), Map.of("A", "2")), listener);
                Deployment web = simulatorClient.apps().deployments().inAnyNamespace().withLabel(AppLayout.PROCESS, "web").list()
                        .getItems().getFirst();
                simulator.setStatus(web, new DeploymentStatusBuilder()
                        .withObservedGeneration(web.getMetadata().getGeneration()).addNewCondition().withType("Progressing")
                        .withStatus("False").withReason("ProgressDeadlineExceeded").endCondition().build());
                awaitFailed(listener, failing);
                o.scale(app, "web", 2);
                o.restart(app, Optional.empty());
                o.processes(app);
                o.webUrl(app);
                o.stop(app);
                o.purge(app);
            }
        }

        Set<String> made = new TreeSet<>();
        RecordedRequest request;
        while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            if (!"simulator".equals(request.getHeader("User-Agent"))) {
                made.add(permission(request));
            }
        }
        assertThat(made).contains("apps/deployments:list", "/namespaces:create", "/secrets:update", "apps/deployments:patch");
        for (String permission : made) {
            assertThat(allows(role, permission)).as(permission + " is granted by " + role.getMetadata().getName()).isTrue();
        }
    }

    private static String permission(RecordedRequest request) {
        Matcher m = API_PATH.matcher(request.getPath());
        assertThat(m.matches()).as("an API path: " + request.getPath()).isTrue();
        String group = Optional.ofNullable(m.group("group")).orElse("");
        boolean item = m.group("name") != null;
        String verb = switch (request.getMethod()) {
            case "GET" -> item ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> item ? "delete" : "deletecollection";
            default -> request.getMethod();
        };
        return group + "/" + m.group("resource") + ":" + verb;
    }

    private static boolean allows(ClusterRole role, String permission) {
        String group = permission.substring(0, permission.indexOf('/'));
        String resource = permission.substring(permission.indexOf('/') + 1, permission.indexOf(':'));
        String verb = permission.substring(permission.indexOf(':') + 1);
        for (PolicyRule rule : role.getRules()) {
            if (rule.getApiGroups().contains(group) && rule.getResources().contains(resource) && rule.getVerbs().contains(verb)) {
                return true;
            }
        }
        return false;
    }

    private List<HasMetadata> load() throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    objects.addAll(client.load(in).items());
                }
            }
        }
        return objects;
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.getFirst();
    }

    /** Paths of fields the Fabric8 model did not recognise (kept as additional properties): typos and misplaced keys. */
    private static List<String> unknownFields(Object node, String path) {
        List<String> unknown = new ArrayList<>();
        if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            if (node instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    unknown.addAll(unknownFields(item, path + "[" + i++ + "]"));
                }
            }
            return unknown;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) value).keySet().forEach(k -> unknown.add(path + "." + k));
                } else if (value != null && value != node) {
                    unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3)));
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return unknown;
    }

    private static void awaitSucceeded(RecordingListener listener, UUID release, Runnable converge) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listener.statuses(release).contains(ReleaseStatus.SUCCEEDED)) {
            assertThat(System.nanoTime()).as("release succeeded in time").isLessThan(deadline);
            converge.run();
            sleep();
        }
    }

    private static void awaitFailed(RecordingListener listener, UUID release) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listener.statuses(release).contains(ReleaseStatus.FAILED)) {
            assertThat(System.nanoTime()).as("release failed in time").isLessThan(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

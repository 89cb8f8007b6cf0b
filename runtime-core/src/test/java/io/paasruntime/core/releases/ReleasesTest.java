package io.paasruntime.core.releases;

import io.paasruntime.core.CoreFixture;
import io.paasruntime.core.errors.Conflict;
import io.paasruntime.core.errors.NotFound;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.support.Caller;
import io.paasruntime.core.support.PageRequest;
import io.paasruntime.spi.store.ReleaseStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleasesTest {
    private CoreFixture core;
    private Caller ada;

    @BeforeEach
    void setUp() {
        core = new CoreFixture();
        ada = core.newTenantCaller("ada@example.com");
        core.apps.create(ada, "hello", Optional.empty());
    }

    private ReleaseView deploy(String image) {
        return core.deploys.deploy(ada, "hello", new DeployRequest.Image(image, Map.of("web", "serve", "worker", "work"),
                Optional.empty()));
    }

    private UUID id(ReleaseView r) {
        return UUID.fromString(r.id());
    }

    @Test
    void aDeployCreatesVersionOneThatBecomesCurrentWhenItSucceeds() {
        ReleaseView v1 = deploy("registry/hello:1");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.status()).isEqualTo("running");
        assertThat(core.apps.get(ada, "hello").currentRelease()).isNull();

        core.orchestrator.report(id(v1), ReleaseStatus.SUCCEEDED, null);

        assertThat(core.deploys.get(ada, "hello", "v1").status()).isEqualTo("succeeded");
        assertThat(core.apps.get(ada, "hello").currentRelease().version()).isEqualTo(1);
        assertThat(core.apps.get(ada, "hello").webUrl()).isEqualTo("http://127.0.0.1:20000");
    }

    @Test
    void newProcessTypesStartWithOneInstanceEach() {
        deploy("registry/hello:1");
        assertThat(core.orchestrator.last().processes().values())
                .extracting(p -> p.type() + "=" + p.replicas())
                .containsExactlyInAnyOrder("web=1", "worker=1");
    }

    @Test
    void aSucceedingReleaseSupersedesThePreviousOne() {
        ReleaseView v1 = deploy("registry/hello:1");
        core.orchestrator.report(id(v1), ReleaseStatus.SUCCEEDED, null);
        ReleaseView v2 = deploy("registry/hello:2");
        core.orchestrator.report(id(v2), ReleaseStatus.SUCCEEDED, null);

        assertThat(core.deploys.get(ada, "hello", "1").status()).isEqualTo("superseded");
        assertThat(core.deploys.get(ada, "hello", "2").status()).isEqualTo("succeeded");
        assertThat(core.deploys.get(ada, "hello", "2").current()).isTrue();
    }

    @Test
    void aFailedReleaseLeavesThePreviousOneCurrent() {
        ReleaseView v1 = deploy("registry/hello:1");
        core.orchestrator.report(id(v1), ReleaseStatus.SUCCEEDED, null);
        ReleaseView v2 = deploy("registry/hello:broken");
        core.orchestrator.report(id(v2), ReleaseStatus.FAILED, "web never opened its port");

        ReleaseView failed = core.deploys.get(ada, "hello", "v2");
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.statusReason()).isEqualTo("web never opened its port");
        assertThat(core.apps.get(ada, "hello").currentRelease().version()).isEqualTo(1);
        assertThat(core.deploys.get(ada, "hello", "v1").status()).isEqualTo("succeeded");
    }

    @Test
    void anOlderReleaseThatSucceedsLateIsSupersededNotMadeCurrent() {
        ReleaseView v1 = deploy("registry/hello:1");
        ReleaseView v2 = deploy("registry/hello:2");
        core.orchestrator.report(id(v2), ReleaseStatus.SUCCEEDED, null);
        core.orchestrator.report(id(v1), ReleaseStatus.SUCCEEDED, null);

        assertThat(core.apps.get(ada, "hello").currentRelease().version()).isEqualTo(2);
        assertThat(core.deploys.get(ada, "hello", "v1").status()).isEqualTo("superseded");
    }

    @Test
    void rollbackMakesANewReleaseCopyingSourceAndConfigOfTheTarget() {
        core.configVars.patch(ada, "hello", Map.of("GREETING", "hi"));
        ReleaseView v1 = deploy("registry/hello:1");
        core.orchestrator.report(id(v1), ReleaseStatus.SUCCEEDED, null);
        Map<String, String> change = new HashMap<>();
        change.put("GREETING", null);
        change.put("MODE", "fast");
        core.configVars.patch(ada, "hello", change);
        assertThat(core.deploys.get(ada, "hello", "v2").configKeys()).containsExactly("MODE");

        ReleaseView v3 = core.deploys.rollback(ada, "hello", "v1");

        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.rollbackOf()).isEqualTo(1);
        assertThat(v3.source()).isEqualTo("registry/hello:1");
        assertThat(v3.sourceKind()).isEqualTo("image");
        assertThat(v3.description()).isEqualTo("Rollback to v1");
        assertThat(core.orchestrator.last().env()).containsExactly(Map.entry("GREETING", "hi"));
        assertThat(core.configVars.get(ada, "hello")).containsExactly(Map.entry("GREETING", "hi"));
    }

    @Test
    void rollbackKeepsTheConfigVarsOfAttachedAddons() {
        ReleaseView v1 = deploy("registry/hello:1");
        core.orchestrator.report(id(v1), ReleaseStatus.SUCCEEDED, null);
        UUID appId = core.apps.resolve(ada, "hello").id();
        core.store.addons().insert(new io.paasruntime.spi.store.Addon(UUID.randomUUID(), ada.tenantId(), appId,
                "postgresql", "hello-db", "dev", "available", "DATABASE_URL", "postgres", "addon_x", "sealed",
                core.clock.instant()));
        core.configVars.applyInternal(ada, core.apps.resolve(ada, "hello"), Map.of("DATABASE_URL", "postgres://u:p@127.0.0.1/db"),
                "add-on hello-db attached"); // as Addons does
        core.configVars.patch(ada, "hello", Map.of("MODE", "fast"));

        core.deploys.rollback(ada, "hello", "v1");

        assertThat(core.configVars.get(ada, "hello")).containsExactly(Map.entry("DATABASE_URL", "postgres://u:p@127.0.0.1/db"));
        assertThat(core.orchestrator.last().env()).containsOnlyKeys("DATABASE_URL");
    }

    @Test
    void rollbackToAFailedReleaseIsRefusedAndChangesNothing() {
        ReleaseView v1 = deploy("registry/hello:1");
        core.orchestrator.report(id(v1), ReleaseStatus.SUCCEEDED, null);
        core.configVars.patch(ada, "hello", Map.of("MODE", "broken"));
        ReleaseView v2 = core.deploys.get(ada, "hello", "v2");
        core.orchestrator.report(id(v2), ReleaseStatus.FAILED, "web exited with code 1");
        core.configVars.patch(ada, "hello", Map.of("MODE", "fixed"));

        assertThatThrownBy(() -> core.deploys.rollback(ada, "hello", "v2"))
                .isInstanceOf(Conflict.class).hasMessageContaining("v2: it failed (web exited with code 1)");
        assertThat(core.configVars.get(ada, "hello")).containsExactly(Map.entry("MODE", "fixed"));
        assertThat(core.deploys.list(ada, "hello", PageRequest.parse("releases", Optional.empty(), Optional.empty()))
                .items()).hasSize(3);
    }

    @Test
    void rollbackToAReleaseWhoseSourceIsGoneIsRefused() {
        ReleaseView v1 = deploy("registry/hello:1");
        core.orchestrator.missingSources.add("registry/hello:1");
        assertThatThrownBy(() -> core.deploys.rollback(ada, "hello", id(v1).toString()))
                .isInstanceOf(Conflict.class).hasMessageContaining("no longer available");
    }

    @Test
    void rollbackToAnUnknownReleaseOrAnotherAppsReleaseIsNotFound() {
        core.apps.create(ada, "other", Optional.empty());
        ReleaseView otherV1 = core.deploys.deploy(ada, "other", new DeployRequest.Image("x/y:1", Map.of("web", "s"),
                Optional.empty()));
        assertThatThrownBy(() -> core.deploys.rollback(ada, "hello", "v9")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> core.deploys.rollback(ada, "hello", otherV1.id())).isInstanceOf(NotFound.class);
    }

    @Test
    void aConfigChangeMakesANewReleaseOnlyWhenSomethingChanged() {
        ReleaseView v1 = deploy("registry/hello:1");
        core.orchestrator.report(id(v1), ReleaseStatus.SUCCEEDED, null);
        assertThat(core.configVars.patch(ada, "hello", Map.of("GREETING", "hi"))).containsEntry("GREETING", "hi");
        ReleaseView v2 = core.deploys.get(ada, "hello", "v2");
        assertThat(v2.description()).isEqualTo("Set GREETING config var");
        assertThat(core.orchestrator.last().env()).containsEntry("GREETING", "hi");

        core.configVars.patch(ada, "hello", Map.of("GREETING", "hi"));
        assertThat(core.deploys.list(ada, "hello", PageRequest.parse("releases", Optional.empty(), Optional.empty()))
                .items()).hasSize(2);
    }

    @Test
    void configKeysMustBeUpperCaseVariableNamesNotReservedAndValuesWithoutNul() {
        assertThatThrownBy(() -> core.configVars.patch(ada, "hello", Map.of("1ST", "x", "MY-VAR", "y", "PORT", "1",
                "NUL", "a\u0000b", "greeting", "hi")))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting("field")
                        .containsExactlyInAnyOrder("1ST", "MY-VAR", "PORT", "NUL", "greeting"));
        assertThat(core.configVars.get(ada, "hello")).isEmpty();

        assertThat(core.configVars.patch(ada, "hello", Map.of("GREETING", "hi", "_UNDER_1", "ok")))
                .containsEntry("GREETING", "hi").containsEntry("_UNDER_1", "ok");
    }

    @Test
    void namesTheRuntimeSetsForEveryInstanceAreRefused() {
        for (String name : List.of("PORT", "PS", "DYNO", "HOME", "PAAS_INSTANCE", "PAAS_APP", "PAAS_RELEASE")) {
            assertThatThrownBy(() -> core.configVars.patch(ada, "hello", Map.of(name, "x"))).as(name)
                    .isInstanceOf(ValidationFailed.class).hasMessageContaining(name);
        }
        assertThat(core.configVars.get(ada, "hello")).isEmpty();
    }

    @Test
    void allOfAnAppsVarsTogetherMustFitSixtyFourKibibytesAndAChangeOverItLeavesThemAsTheyWere() {
        String sixteenK = "v".repeat(16 * 1024);
        core.configVars.patch(ada, "hello", Map.of("A", sixteenK, "B", sixteenK, "C", sixteenK));
        int releases = core.deploys.list(ada, "hello", PageRequest.parse("releases", Optional.empty(), Optional.empty()))
                .items().size();

        assertThatThrownBy(() -> core.configVars.patch(ada, "hello", Map.of("D", sixteenK)))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).singleElement()
                        .satisfies(p -> assertThat(p.field()).isEqualTo("config"))
                        .satisfies(p -> assertThat(p.problem()).contains("65536 bytes")));
        assertThat(core.configVars.get(ada, "hello")).containsOnlyKeys("A", "B", "C");
        assertThat(core.deploys.list(ada, "hello", PageRequest.parse("releases", Optional.empty(), Optional.empty()))
                .items()).hasSize(releases);

        assertThat(core.configVars.patch(ada, "hello", Map.of("D", "v".repeat(16 * 1024 - 20)))).containsKey("D");
    }

    @Test
    void aReleaseIsFoundByItsExactVersionOrIdOnly() {
        ReleaseView v1 = deploy("registry/hello:1");
        assertThat(core.deploys.get(ada, "hello", "v1").id()).isEqualTo(v1.id());
        assertThat(core.deploys.get(ada, "hello", "1").id()).isEqualTo(v1.id());
        assertThat(core.deploys.get(ada, "hello", v1.id()).id()).isEqualTo(v1.id());
        for (String near : List.of("v1 ", " v1", "v1\n", "v1\u0000", "v01", "v0", "V1", v1.id() + " ", "")) {
            assertThatThrownBy(() -> core.deploys.get(ada, "hello", near)).as("'%s'", near).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> core.deploys.rollback(ada, "hello", near)).as("'%s'", near).isInstanceOf(NotFound.class);
        }
    }

    @Test
    void aReleaseCursorOfAnotherAppIsRefused() {
        for (int i = 1; i <= 3; i++) {
            deploy("registry/hello:" + i);
        }
        String cursor = core.deploys.list(ada, "hello", PageRequest.parse("releases", Optional.of("1"), Optional.empty()))
                .nextCursor();
        core.apps.create(ada, "other", Optional.empty());

        assertThatThrownBy(() -> core.deploys.list(ada, "other", PageRequest.parse("releases", Optional.empty(),
                Optional.of(cursor)))).isInstanceOf(ValidationFailed.class).hasMessageContaining("cursor");
    }

    @Test
    void releasesAreListedNewestFirstAcrossPages() {
        for (int i = 1; i <= 5; i++) {
            deploy("registry/hello:" + i);
        }
        var first = core.deploys.list(ada, "hello", PageRequest.parse("releases", Optional.of("2"), Optional.empty()));
        assertThat(first.items()).extracting(ReleaseView::version).containsExactly(5, 4);
        var second = core.deploys.list(ada, "hello",
                PageRequest.parse("releases", Optional.of("2"), Optional.of(first.nextCursor())));
        assertThat(second.items()).extracting(ReleaseView::version).containsExactly(3, 2);
        var last = core.deploys.list(ada, "hello",
                PageRequest.parse("releases", Optional.of("2"), Optional.of(second.nextCursor())));
        assertThat(last.items()).extracting(ReleaseView::version).containsExactly(1);
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void concurrentDeploysGetDistinctConsecutiveVersions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String image = "registry/hello:" + i;
            work.add(() -> deploy(image).version());
        }
        List<Integer> versions = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(work)) {
            versions.add(f.get());
        }
        pool.shutdown();
        assertThat(versions).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 16).boxed().toList());
    }

    @Test
    void scalingChecksTheTypeAndTheRange() {
        ReleaseView v1 = deploy("registry/hello:1");
        core.orchestrator.report(id(v1), ReleaseStatus.SUCCEEDED, null);
        assertThat(core.processes.scale(ada, "hello", "worker", Optional.of(2), Optional.empty()).replicas()).isEqualTo(2);
        assertThat(core.orchestrator.calls).contains("scale hello worker=2");
        assertThatThrownBy(() -> core.processes.scale(ada, "hello", "worker", Optional.of(21), Optional.empty()))
                .isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> core.processes.scale(ada, "hello", "clock", Optional.of(1), Optional.empty()))
                .isInstanceOf(NotFound.class);
        assertThat(core.store.settings().formation(core.apps.resolve(ada, "hello").id()).get("worker").replicas()).isEqualTo(2);
    }

    @Test
    void restartingAnAppWithoutARunningReleaseIsAConflict() {
        assertThatThrownBy(() -> core.processes.restart(ada, "hello", Optional.empty()))
                .isInstanceOf(Conflict.class).hasMessageContaining("no running release");
    }
}

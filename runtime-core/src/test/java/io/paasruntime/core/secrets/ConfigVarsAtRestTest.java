package io.paasruntime.core.secrets;

import io.paasruntime.core.CoreFixture;
import io.paasruntime.core.errors.InternalError;
import io.paasruntime.core.releases.DeployRequest;
import io.paasruntime.core.releases.ReleaseView;
import io.paasruntime.core.support.Caller;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.ReleaseStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Config var values through the core's use cases over a sealed in-memory store, checked at rest underneath. */
class ConfigVarsAtRestTest {
    private CoreFixture core;
    private Caller ada;
    private UUID appId;

    @BeforeEach
    void setUp() {
        core = new CoreFixture();
        ada = core.newTenantCaller("ada@example.com");
        appId = UUID.fromString(core.apps.create(ada, "hello", Optional.empty()).id());
    }

    private ReleaseView deploy(String image) {
        ReleaseView release = core.deploys.deploy(ada, "hello", new DeployRequest.Image(image, Map.of("web", "serve"),
                Optional.empty()));
        core.orchestrator.report(UUID.fromString(release.id()), ReleaseStatus.SUCCEEDED, null);
        return release;
    }

    private Map<String, String> config() {
        return core.configVars.get(ada, "hello");
    }

    /** Every config value the store underneath holds for the app: current vars and all release snapshots. */
    private List<String> valuesAtRest() {
        List<String> values = new ArrayList<>(core.stored.settings().configVars(appId).values());
        for (Release r : core.stored.releases().list(appId, Optional.empty(), 1000).items()) {
            values.addAll(r.config().values());
        }
        return values;
    }

    @Test
    void setDeployAndRollbackLeaveNoPlainValueAtRestWhileReadsAndTheOrchestratorGetPlainOnes() {
        core.configVars.patch(ada, "hello", Map.of("GREETING", "hi-secret-1"));
        deploy("registry/hello:1");
        Map<String, String> change = new HashMap<>();
        change.put("GREETING", null);
        change.put("API_TOKEN", "tok-secret-2");
        core.configVars.patch(ada, "hello", change);
        deploy("registry/hello:2");
        core.deploys.rollback(ada, "hello", "v1");

        assertThat(valuesAtRest()).hasSizeGreaterThanOrEqualTo(4)
                .allMatch(v -> v.startsWith("enc:v1:"))
                .noneMatch(v -> v.contains("secret"));
        assertThat(core.stored.settings().configVars(appId)).containsOnlyKeys("GREETING");
        assertThat(config()).containsExactly(Map.entry("GREETING", "hi-secret-1"));
        assertThat(core.orchestrator.last().env()).containsExactly(Map.entry("GREETING", "hi-secret-1"));
        assertThat(core.store.releases().findByVersion(appId, 3).orElseThrow().config())
                .containsExactly(Map.entry("API_TOKEN", "tok-secret-2"));
    }

    @Test
    void sealingIsFreshEachWriteSoSameValuesDifferAtRest() {
        core.configVars.patch(ada, "hello", Map.of("A", "same", "B", "same"));

        Map<String, String> atRest = core.stored.settings().configVars(appId);
        assertThat(atRest.get("A")).isNotEqualTo(atRest.get("B"));
        assertThat(config()).containsOnly(Map.entry("A", "same"), Map.entry("B", "same"));
    }

    @Test
    void settingTheSameValuesAgainMakesNoReleaseAndRewritesNothing() {
        deploy("registry/hello:1");
        core.configVars.patch(ada, "hello", Map.of("MODE", "fast", "TOKEN", "t0k"));
        int version = core.stored.releases().maxVersion(appId);
        Map<String, String> atRest = core.stored.settings().configVars(appId);

        Map<String, String> answer = core.configVars.patch(ada, "hello", Map.of("MODE", "fast", "TOKEN", "t0k"));

        assertThat(answer).containsOnly(Map.entry("MODE", "fast"), Map.entry("TOKEN", "t0k"));
        assertThat(core.stored.releases().maxVersion(appId)).isEqualTo(version);
        assertThat(core.stored.settings().configVars(appId)).isEqualTo(atRest);
    }

    @Test
    void valuesWrittenBeforeEncryptionStillReadAndAreSealedOnTheNextWrite() {
        // a data directory from before: plain current vars and a plain release snapshot
        core.stored.settings().replaceConfigVars(appId, Map.of("LEGACY", "plain-old"));
        core.stored.releases().insert(new Release(UUID.randomUUID(), appId, 1, ReleaseStatus.SUCCEEDED, Optional.empty(),
                "image", "registry/hello:0", Map.of("web", "serve"), Map.of("OLD", "plain-v1"), Optional.empty(),
                Optional.empty(), Instant.parse("2026-01-01T00:00:00Z"), "ada@example.com"));

        assertThat(config()).containsExactly(Map.entry("LEGACY", "plain-old"));
        assertThat(core.store.releases().findByVersion(appId, 1).orElseThrow().config())
                .containsExactly(Map.entry("OLD", "plain-v1"));

        core.configVars.patch(ada, "hello", Map.of("NEW", "n"));

        assertThat(core.stored.settings().configVars(appId).values()).allMatch(v -> v.startsWith("enc:v1:"));
        assertThat(config()).containsOnly(Map.entry("LEGACY", "plain-old"), Map.entry("NEW", "n"));
        core.deploys.rollback(ada, "hello", "v1");
        assertThat(core.orchestrator.last().env()).containsExactly(Map.entry("OLD", "plain-v1"));
        assertThat(core.stored.settings().configVars(appId).get("OLD")).startsWith("enc:v1:");
    }

    @Test
    void aTamperedValueIsAnInternalErrorNamingTheVarNotAWrongValue() {
        core.configVars.patch(ada, "hello", Map.of("TOKEN", "tok-secret"));
        String sealed = core.stored.settings().configVars(appId).get("TOKEN");
        int at = "enc:v1:".length() + 20;
        String tampered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        core.stored.settings().replaceConfigVars(appId, Map.of("TOKEN", tampered));

        assertThatThrownBy(this::config)
                .isInstanceOf(InternalError.class)
                .hasMessageContaining("TOKEN").hasMessageContaining("altered")
                .hasMessageNotContaining("tok-secret");
    }

    @Test
    void aSealedValueMovedToAnotherVarOrAppDoesNotOpen() {
        core.configVars.patch(ada, "hello", Map.of("TOKEN", "tok-secret"));
        String sealed = core.stored.settings().configVars(appId).get("TOKEN");
        UUID other = UUID.fromString(core.apps.create(ada, "other", Optional.empty()).id());

        core.stored.settings().replaceConfigVars(appId, Map.of("STOLEN", sealed));
        core.stored.settings().replaceConfigVars(other, Map.of("TOKEN", sealed));

        assertThatThrownBy(this::config).isInstanceOf(InternalError.class);
        assertThatThrownBy(() -> core.configVars.get(ada, "other")).isInstanceOf(InternalError.class);
    }

    @Test
    void aTruncatedOrNonBase64SealedValueIsAnInternalError() {
        for (String broken : List.of("enc:v1:", "enc:v1:AAAA", "enc:v1:not base64!")) {
            core.stored.settings().replaceConfigVars(appId, Map.of("X", broken));

            assertThatThrownBy(this::config).as(broken).isInstanceOf(InternalError.class);
        }
    }

    @Test
    void aValueThatLooksSealedIsStillReadBackAsTheUserSetIt() {
        core.configVars.patch(ada, "hello", Map.of("LOOKALIKE", "enc:v1:AAAA"));

        assertThat(config()).containsExactly(Map.entry("LOOKALIKE", "enc:v1:AAAA"));
    }

    @Test
    void theLargestValueAllowedRoundTripsAndStaysWithinABoundedSizeAtRest() {
        // 3 bytes each in UTF-8: the most bytes the app-wide limit leaves one var ("BIG" and two separators)
        String largest = "€".repeat((64 * 1024 - 5) / 3);

        core.configVars.patch(ada, "hello", Map.of("BIG", largest));

        assertThat(config().get("BIG")).isEqualTo(largest);
        // prefix + base64 of nonce, 64 KiB and tag: what the store's text/jsonb columns must take
        assertThat(core.stored.settings().configVars(appId).get("BIG")).hasSizeLessThan(88 * 1024);
    }

    @Test
    void writesInsideATransactionAreSealedToo() {
        core.store.transaction(tx -> {
            tx.settings().replaceConfigVars(appId, Map.of("IN_TX", "tx-secret"));
            return null;
        });

        assertThat(core.stored.settings().configVars(appId).get("IN_TX")).startsWith("enc:v1:").doesNotContain("tx-secret");
        assertThat(config()).containsExactly(Map.entry("IN_TX", "tx-secret"));
    }
}

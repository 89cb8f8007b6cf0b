package io.paasruntime.core.addons;

import io.paasruntime.core.CoreFixture;
import io.paasruntime.core.apps.Apps;
import io.paasruntime.core.audit.Audit;
import io.paasruntime.core.config.ConfigVars;
import io.paasruntime.core.errors.Conflict;
import io.paasruntime.core.errors.NotFound;
import io.paasruntime.core.errors.Unavailable;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.releases.DeployRequest;
import io.paasruntime.core.releases.Deploys;
import io.paasruntime.core.releases.ReleaseView;
import io.paasruntime.core.releases.Rollouts;
import io.paasruntime.core.secrets.ConfigSealer;
import io.paasruntime.core.secrets.SealedConfigStore;
import io.paasruntime.core.secrets.SecretCipher;
import io.paasruntime.core.support.AppLocks;
import io.paasruntime.core.support.Caller;
import io.paasruntime.core.support.PageRequest;
import io.paasruntime.core.support.PageView;
import io.paasruntime.core.support.UuidV7Generator;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.identity.Principal;
import io.paasruntime.spi.store.Addon;
import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.tck.MutableClock;
import io.paasruntime.tck.store.InMemoryStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddonsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final InMemoryStateStore stored = new InMemoryStateStore();
    private final SecretCipher key = new SecretCipher(CoreFixture.randomKey());
    private final StateStore store = new SealedConfigStore(stored, new ConfigSealer(key));
    private final FlakyOrchestrator orchestrator = new FlakyOrchestrator();
    private final UuidV7Generator ids = new UuidV7Generator(clock);
    private final AppLocks locks = new AppLocks();
    private final Audit audit = new Audit(store, clock, ids);
    private final Rollouts rollouts = new Rollouts(store, orchestrator, locks, clock, ids,
            io.paasruntime.core.support.KeyedExecutor.direct());
    private final Apps apps = new Apps(store, orchestrator, rollouts, audit, locks, clock, ids);
    private final Deploys deploys = new Deploys(store, apps, rollouts, audit, 1024);
    private final ConfigVars configVars = new ConfigVars(store, apps, rollouts, locks, audit);
    private final RecordingDatabases databases = new RecordingDatabases();
    private final CredentialCipher cipher = new CredentialCipher(key);
    private final Addons addons = new Addons(store, apps, configVars, locks, audit, clock, ids,
            Optional.of(new Addons.Backend("recording", databases, cipher)), new AddonNames(new Random(7)));
    private Caller ada;
    private UUID shopId;

    @BeforeEach
    void deployedApp() {
        rollouts.onPurge(addons::deprovisionAll);
        ada = caller("ada@example.com");
        shopId = UUID.fromString(apps.create(ada, "shop", Optional.empty()).id());
        ReleaseView v1 = deploys.deploy(ada, "shop", new DeployRequest.Image("registry/shop:1", Map.of("web", "serve"),
                Optional.empty()));
        orchestrator.scripted.report(UUID.fromString(v1.id()), ReleaseStatus.SUCCEEDED, null);
    }

    private static Caller caller(String email) {
        return new Caller(new Principal(UUID.randomUUID().toString(), UUID.randomUUID(), email, Set.of(), "jti",
                Instant.parse("2030-01-01T00:00:00Z")), "req_test");
    }

    private Map<String, String> config() {
        return configVars.get(ada, "shop");
    }

    private int latestVersion() {
        return store.releases().maxVersion(shopId);
    }

    private String urlOf(AddonView view) {
        Addon stored = store.addons().findById(ada.tenantId(), UUID.fromString(view.id())).orElseThrow();
        return cipher.open(stored.credentials(), stored.id());
    }

    @Test
    void theFirstAddonIsAttachedAsDatabaseUrlInANewRelease() {
        AddonView addon = addons.create(ada, "shop", Optional.empty(), Optional.empty());

        assertThat(addon.kind()).isEqualTo("postgresql");
        assertThat(addon.appId()).isEqualTo(shopId.toString());
        assertThat(addon.plan()).isEqualTo("dev");
        assertThat(addon.status()).isEqualTo("available");
        assertThat(addon.configVar()).isEqualTo("DATABASE_URL");
        assertThat(addon.name()).matches("postgresql-[a-z]+-\\d{5}");
        assertThat(addon.createdAt()).isEqualTo("2026-12-03T10:00:00Z");
        String url = config().get("DATABASE_URL");
        assertThat(url).startsWith("postgres://").isEqualTo(urlOf(addon));
        assertThat(addon.toString()).doesNotContain(url);
        assertThat(latestVersion()).isEqualTo(2);
        Release v2 = store.releases().findByVersion(shopId, 2).orElseThrow();
        assertThat(v2.config()).containsEntry("DATABASE_URL", url);
        assertThat(orchestrator.scripted.last().env()).containsEntry("DATABASE_URL", url);
        assertThat(databases.requests.getFirst().appName()).isEqualTo("shop");
    }

    @Test
    void laterAddonsGetAVarNamedAfterThemselves() {
        addons.create(ada, "shop", Optional.empty(), Optional.of("main"));
        AddonView reports = addons.create(ada, "shop", Optional.of("standard"), Optional.of("reports-db"));

        assertThat(reports.configVar()).isEqualTo("REPORTS_DB_DATABASE_URL");
        assertThat(reports.plan()).isEqualTo("standard");
        assertThat(config()).containsKeys("DATABASE_URL", "REPORTS_DB_DATABASE_URL");
        assertThat(addons.list(ada, "shop", firstPage()).items()).extracting(AddonView::name).containsExactly("main", "reports-db");
    }

    @Test
    void theListIsPagedOldestFirstAndRefusesForeignCursors() {
        addons.create(ada, "shop", Optional.empty(), Optional.of("main"));
        addons.create(ada, "shop", Optional.empty(), Optional.of("reports-db"));
        addons.create(ada, "shop", Optional.empty(), Optional.of("cache-db"));

        PageView<AddonView> first = addons.list(ada, "shop", PageRequest.parse("addons", Optional.of("2"), Optional.empty()));
        assertThat(first.items()).extracting(AddonView::name).containsExactly("main", "reports-db");
        assertThat(first.nextCursor()).isNotNull();
        PageView<AddonView> second = addons.list(ada, "shop", PageRequest.parse("addons", Optional.of("2"),
                Optional.of(first.nextCursor())));
        assertThat(second.items()).extracting(AddonView::name).containsExactly("cache-db");
        assertThat(second.nextCursor()).isNull();
        assertThatThrownBy(() -> addons.list(ada, "shop", PageRequest.parse("addons", Optional.empty(),
                Optional.of(PageRequest.encode("addons", UUID.randomUUID() + "/" + UUID.randomUUID())))))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("cursor");
    }

    private static PageRequest firstPage() {
        return PageRequest.parse("addons", Optional.empty(), Optional.empty());
    }

    @Test
    void credentialsAreSealedAtRest() {
        AddonView addon = addons.create(ada, "shop", Optional.empty(), Optional.empty());

        Addon stored = store.addons().findById(ada.tenantId(), UUID.fromString(addon.id())).orElseThrow();
        assertThat(stored.credentials()).startsWith("v1:").doesNotContain("postgres://").doesNotContain("pw-");
        assertThat(stored.toString()).doesNotContain(stored.credentials());
        assertThat(stored.externalRef()).isEqualTo(databases.databases.keySet().iterator().next());
    }

    @Test
    void theUrlsPasswordIsNowhereInTheStoreUnderneathYetTheAppGetsIt() {
        AddonView addon = addons.create(ada, "shop", Optional.empty(), Optional.empty());
        String password = "pw-" + addon.id();

        assertThat(this.stored.settings().configVars(shopId).get("DATABASE_URL")).startsWith("enc:v1:")
                .doesNotContain(password);
        for (int v = 1; v <= latestVersion(); v++) {
            assertThat(this.stored.releases().findByVersion(shopId, v).orElseThrow().config().values())
                    .noneMatch(value -> value.contains(password));
        }
        assertThat(config().get("DATABASE_URL")).contains(password);
        assertThat(orchestrator.scripted.last().env().get("DATABASE_URL")).contains(password);
    }

    @Test
    void namesAreUniquePerTenantAndChecked() {
        apps.create(ada, "blog", Optional.empty());
        addons.create(ada, "shop", Optional.empty(), Optional.of("main-db"));

        assertThatThrownBy(() -> addons.create(ada, "blog", Optional.empty(), Optional.of("main-db")))
                .isInstanceOf(Conflict.class).hasMessageContaining("main-db");
        assertThat(databases.requests).hasSize(1);
        Caller bob = caller("bob@example.com");
        apps.create(bob, "shop", Optional.empty());
        assertThat(addons.create(bob, "shop", Optional.empty(), Optional.of("main-db")).name()).isEqualTo("main-db");
    }

    @Test
    void badNameOrPlanIsRefusedNamingTheFieldsBeforeAnythingIsCreated() {
        assertThatThrownBy(() -> addons.create(ada, "shop", Optional.of("huge"), Optional.of("Not_A_Label")))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.details())
                        .extracting(p -> p.field()).containsExactly("plan", "name"));
        assertThat(databases.requests).isEmpty();
        assertThat(addons.list(ada, "shop", firstPage()).items()).isEmpty();
    }

    @Test
    void aDownProviderIsUnavailableAndLeavesNothing() {
        databases.failNext(ProviderException.unavailable("the database server is unavailable: refused", null));

        assertThatThrownBy(() -> addons.create(ada, "shop", Optional.empty(), Optional.of("main")))
                .isInstanceOf(Unavailable.class).hasMessageContaining("refused");

        assertThat(addons.list(ada, "shop", firstPage()).items()).isEmpty();
        assertThat(config()).doesNotContainKey("DATABASE_URL");
        assertThat(latestVersion()).isEqualTo(1);
        // the name was only reserved: it is free again
        assertThat(addons.create(ada, "shop", Optional.empty(), Optional.of("main")).status()).isEqualTo("available");
    }

    @Test
    void aProviderConflictIsAConflict() {
        databases.failNext(ProviderException.conflict("role exists"));

        assertThatThrownBy(() -> addons.create(ada, "shop", Optional.empty(), Optional.empty()))
                .isInstanceOf(Conflict.class);
        assertThat(addons.list(ada, "shop", firstPage()).items()).isEmpty();
    }

    @Test
    void aFailedRolloutAfterProvisioningUndoesEverything() {
        orchestrator.failApply = true;

        assertThatThrownBy(() -> addons.create(ada, "shop", Optional.empty(), Optional.empty()))
                .isInstanceOf(Unavailable.class);

        assertThat(databases.databases).isEmpty();
        assertThat(databases.deprovisioned).hasSize(1);
        assertThat(addons.list(ada, "shop", firstPage()).items()).isEmpty();
        assertThat(config()).doesNotContainKey("DATABASE_URL");
    }

    @Test
    void aUserSetVarIsNotOverwritten() {
        configVars.patch(ada, "shop", Map.of("DATABASE_URL", "postgres://elsewhere/db"));

        AddonView addon = addons.create(ada, "shop", Optional.empty(), Optional.of("main"));

        assertThat(addon.configVar()).isEqualTo("MAIN_DATABASE_URL");
        assertThat(config()).containsEntry("DATABASE_URL", "postgres://elsewhere/db");
    }

    @Test
    void anAddonsVarCannotBeUnsetOrOverwrittenThroughConfigButIsFreeOnceItIsDestroyed() {
        AddonView addon = addons.create(ada, "shop", Optional.empty(), Optional.of("main"));
        String url = config().get("DATABASE_URL");
        int before = latestVersion();
        Map<String, String> unset = new java.util.HashMap<>();
        unset.put("DATABASE_URL", null);
        unset.put("OTHER", "x");

        assertThatThrownBy(() -> configVars.patch(ada, "shop", unset)).isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).singleElement()
                        .satisfies(p -> assertThat(p.field()).isEqualTo("DATABASE_URL"))
                        .satisfies(p -> assertThat(p.problem()).contains("add-on main")));
        assertThatThrownBy(() -> configVars.patch(ada, "shop", Map.of("DATABASE_URL", "postgres://x/y")))
                .isInstanceOf(ValidationFailed.class);
        assertThat(config()).containsExactly(Map.entry("DATABASE_URL", url));
        assertThat(latestVersion()).as("nothing released").isEqualTo(before);

        addons.delete(ada, addon.id());
        assertThat(configVars.patch(ada, "shop", Map.of("DATABASE_URL", "postgres://elsewhere/db")))
                .containsEntry("DATABASE_URL", "postgres://elsewhere/db");
    }

    @Test
    void deleteDeprovisionsUnsetsTheVarAndFreesDatabaseUrl() {
        AddonView first = addons.create(ada, "shop", Optional.empty(), Optional.of("main"));
        int before = latestVersion();

        AddonView deleted = addons.delete(ada, first.id());

        assertThat(deleted.status()).isEqualTo("deprovisioned");
        assertThat(databases.databases).isEmpty();
        assertThat(config()).doesNotContainKey("DATABASE_URL");
        assertThat(latestVersion()).isEqualTo(before + 1);
        assertThatThrownBy(() -> addons.get(ada, first.id())).isInstanceOf(NotFound.class);
        assertThat(addons.create(ada, "shop", Optional.empty(), Optional.of("next")).configVar()).isEqualTo("DATABASE_URL");
    }

    @Test
    void deleteWhileTheProviderIsDownKeepsTheAddon() {
        AddonView addon = addons.create(ada, "shop", Optional.empty(), Optional.empty());
        databases.failNext(ProviderException.unavailable("down", null));

        assertThatThrownBy(() -> addons.delete(ada, addon.id())).isInstanceOf(Unavailable.class);

        assertThat(addons.get(ada, addon.id()).status()).isEqualTo("available");
        assertThat(config()).containsKey("DATABASE_URL");
    }

    @Test
    void anotherTenantsAddonIsNotFound() {
        AddonView addon = addons.create(ada, "shop", Optional.empty(), Optional.empty());
        Caller bob = caller("bob@example.com");

        assertThatThrownBy(() -> addons.get(bob, addon.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> addons.delete(bob, addon.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> addons.list(bob, "shop", firstPage())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> addons.get(ada, "not-a-uuid")).isInstanceOf(NotFound.class);
        assertThat(databases.databases).hasSize(1);
    }

    @Test
    void aDeletedAppsAddonsAreHiddenAndDeprovisionedWhenItIsPurged() {
        AddonView addon = addons.create(ada, "shop", Optional.empty(), Optional.empty());
        apps.delete(ada, "shop");

        assertThatThrownBy(() -> addons.get(ada, addon.id())).isInstanceOf(NotFound.class);
        assertThat(databases.databases).hasSize(1);

        clock.advance(Duration.ofDays(31));
        assertThat(apps.purgeExpired()).isEqualTo(1);

        assertThat(databases.databases).isEmpty();
        assertThat(store.addons().listByApp(shopId)).isEmpty();
    }

    @Test
    void withoutADatabaseProviderAddonsAreUnavailable() {
        Addons none = new Addons(store, apps, configVars, locks, audit, clock, ids, Optional.empty());

        assertThatThrownBy(() -> none.create(ada, "shop", Optional.empty(), Optional.empty()))
                .isInstanceOf(Unavailable.class).hasMessage("no database provider configured");
        assertThat(none.list(ada, "shop", firstPage()).items()).isEmpty();
    }
}

package io.paasruntime.core.apps;

import io.paasruntime.core.CoreFixture;
import io.paasruntime.core.errors.Conflict;
import io.paasruntime.core.errors.NotFound;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.releases.DeployRequest;
import io.paasruntime.core.support.Caller;
import io.paasruntime.core.support.PageRequest;
import io.paasruntime.spi.store.ReleaseStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppsTest {
    private CoreFixture core;
    private Caller ada;
    private Caller bob;

    @BeforeEach
    void setUp() {
        core = new CoreFixture();
        ada = core.newTenantCaller("ada@example.com");
        bob = core.newTenantCaller("bob@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Hello", "1app", "-app", "app-", "app_name", "a-very-long-name-that-exceeds-30", "ap p"})
    void namesMustBeDnsLabels(String name) {
        assertThatThrownBy(() -> core.apps.create(ada, name, Optional.empty()))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting("field").containsExactly("name"));
    }

    @Test
    void aDuplicateLiveNameIsAConflictButAnotherTenantMayUseIt() {
        core.apps.create(ada, "hello", Optional.empty());
        assertThatThrownBy(() -> core.apps.create(ada, "hello", Optional.empty())).isInstanceOf(Conflict.class);
        assertThat(core.apps.create(bob, "hello", Optional.empty()).name()).isEqualTo("hello");
    }

    @Test
    void anotherTenantsAppIsNotFoundByIdOrName() {
        AppView app = core.apps.create(ada, "hello", Optional.empty());
        assertThatThrownBy(() -> core.apps.get(bob, app.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> core.apps.get(bob, "hello")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> core.apps.delete(bob, app.id())).isInstanceOf(NotFound.class);
        assertThat(core.apps.get(ada, app.id()).name()).isEqualTo("hello");
    }

    @Test
    void deleteHidesTheAppStopsItAndRestoreBringsItBack() {
        AppView app = core.apps.create(ada, "hello", Optional.empty());
        var v1 = core.deploys.deploy(ada, "hello", new DeployRequest.Image("r/h:1", Map.of("web", "s"), Optional.empty()));
        core.orchestrator.report(UUID.fromString(v1.id()), ReleaseStatus.SUCCEEDED, null);

        AppView deleted = core.apps.delete(ada, "hello");
        assertThat(deleted.deletedAt()).isNotNull();
        assertThat(core.orchestrator.calls).contains("stop hello");
        assertThatThrownBy(() -> core.apps.get(ada, app.id())).isInstanceOf(NotFound.class);
        assertThat(core.apps.list(ada, false, page()).items()).isEmpty();
        assertThat(core.apps.list(ada, true, page()).items()).extracting(AppView::id).containsExactly(app.id());

        int appliedBefore = core.orchestrator.applied.size();
        AppView restored = core.apps.restore(ada, app.id());
        assertThat(restored.deletedAt()).isNull();
        assertThat(core.orchestrator.applied).hasSize(appliedBefore + 1);
        assertThat(core.orchestrator.last().version()).isEqualTo(1);
    }

    @Test
    void restoringALiveAppIsAConflictByIdOrName() {
        AppView app = core.apps.create(ada, "hello", Optional.empty());
        assertThatThrownBy(() -> core.apps.restore(ada, "hello")).isInstanceOf(Conflict.class).hasMessageContaining("not deleted");
        assertThatThrownBy(() -> core.apps.restore(ada, app.id())).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> core.apps.restore(bob, "hello")).isInstanceOf(NotFound.class);
    }

    @Test
    void restoringWhenALiveAppTookTheNameIsAConflict() {
        AppView first = core.apps.create(ada, "hello", Optional.empty());
        core.apps.delete(ada, "hello");
        core.apps.create(ada, "hello", Optional.empty());
        assertThatThrownBy(() -> core.apps.restore(ada, first.id())).isInstanceOf(Conflict.class)
                .hasMessageContaining("rename");
        assertThat(core.apps.list(ada, true, page()).items()).extracting(AppView::id).containsExactly(first.id());
    }

    @Test
    void restoreIsRefusedAfterThirtyDaysAndThePurgeRemovesTheApp() {
        AppView app = core.apps.create(ada, "hello", Optional.empty());
        core.apps.delete(ada, "hello");
        core.clock.advance(Duration.ofDays(31));
        assertThatThrownBy(() -> core.apps.restore(ada, app.id())).isInstanceOf(NotFound.class);

        assertThat(core.apps.purgeExpired()).isEqualTo(1);
        assertThat(core.orchestrator.calls).contains("purge hello");
        assertThat(core.apps.list(ada, true, page()).items()).isEmpty();
        assertThat(core.apps.purgeExpired()).isZero();
    }

    @Test
    void thePurgeLeavesRecentlyDeletedAppsAlone() {
        core.apps.create(ada, "hello", Optional.empty());
        core.apps.delete(ada, "hello");
        core.clock.advance(Duration.ofDays(29));
        assertThat(core.apps.purgeExpired()).isZero();
        assertThat(core.apps.list(ada, true, page()).items()).hasSize(1);
    }

    @Test
    void renameKeepsTheIdAndRefusesATakenName() {
        AppView app = core.apps.create(ada, "hello", Optional.empty());
        core.apps.create(ada, "taken", Optional.empty());
        assertThat(core.apps.rename(ada, "hello", "world").id()).isEqualTo(app.id());
        assertThat(core.apps.get(ada, "world").id()).isEqualTo(app.id());
        assertThatThrownBy(() -> core.apps.get(ada, "hello")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> core.apps.rename(ada, "world", "taken")).isInstanceOf(Conflict.class);
    }

    @Test
    void listingPagesInCreationOrder() {
        for (String n : new String[] {"app-a", "app-b", "app-c"}) {
            core.apps.create(ada, n, Optional.empty());
        }
        var first = core.apps.list(ada, false, PageRequest.parse("apps", Optional.of("2"), Optional.empty()));
        assertThat(first.items()).extracting(AppView::name).containsExactly("app-a", "app-b");
        var rest = core.apps.list(ada, false, PageRequest.parse("apps", Optional.of("2"), Optional.of(first.nextCursor())));
        assertThat(rest.items()).extracting(AppView::name).containsExactly("app-c");
        assertThat(rest.nextCursor()).isNull();
    }

    private static PageRequest page() {
        return PageRequest.parse("apps", Optional.empty(), Optional.empty());
    }
}

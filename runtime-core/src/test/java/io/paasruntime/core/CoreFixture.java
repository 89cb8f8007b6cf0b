package io.paasruntime.core;

import io.paasruntime.core.apps.Apps;
import io.paasruntime.core.audit.Audit;
import io.paasruntime.core.config.ConfigVars;
import io.paasruntime.core.processes.Processes;
import io.paasruntime.core.releases.Deploys;
import io.paasruntime.core.releases.Rollouts;
import io.paasruntime.core.secrets.ConfigSealer;
import io.paasruntime.core.secrets.SealedConfigStore;
import io.paasruntime.core.secrets.SecretCipher;
import io.paasruntime.core.support.AppLocks;
import io.paasruntime.core.support.Caller;
import io.paasruntime.core.support.UuidV7Generator;
import io.paasruntime.spi.identity.Principal;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.tck.MutableClock;
import io.paasruntime.tck.store.InMemoryStateStore;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The core's use cases over an in-memory store, a scripted orchestrator and a clock the test moves. */
public final class CoreFixture {
    public final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    /** The provider's store: what is at rest. */
    public final InMemoryStateStore stored = new InMemoryStateStore();
    public final SecretCipher key = new SecretCipher(randomKey());
    /** The store as the core sees it (as {@code PaasRuntime} assembles it): config vars sealed underneath. */
    public final StateStore store = new SealedConfigStore(stored, new ConfigSealer(key));
    public final ScriptedOrchestrator orchestrator = new ScriptedOrchestrator();
    public final UuidV7Generator ids = new UuidV7Generator(clock);
    public final AppLocks locks = new AppLocks();
    public final Audit audit = new Audit(store, clock, ids);
    public final Rollouts rollouts = new Rollouts(store, orchestrator, locks, clock, ids,
            io.paasruntime.core.support.KeyedExecutor.direct());
    public final Apps apps = new Apps(store, orchestrator, rollouts, audit, locks, clock, ids);
    public final Deploys deploys = new Deploys(store, apps, rollouts, audit, 1024 * 1024);
    public final Processes processes = new Processes(store, apps, orchestrator, locks, audit);
    public final ConfigVars configVars = new ConfigVars(store, apps, rollouts, locks, audit);

    public static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** A caller of a fresh tenant. */
    public Caller newTenantCaller(String email) {
        Principal p = new Principal(UUID.randomUUID().toString(), UUID.randomUUID(), email, Set.of(), "jti",
                Instant.parse("2030-01-01T00:00:00Z"));
        return new Caller(p, "req_test");
    }
}

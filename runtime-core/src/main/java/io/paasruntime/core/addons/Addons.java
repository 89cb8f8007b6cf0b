package io.paasruntime.core.addons;

import io.paasruntime.core.apps.Apps;
import io.paasruntime.core.audit.Audit;
import io.paasruntime.core.config.ConfigVars;
import io.paasruntime.core.errors.Conflict;
import io.paasruntime.core.errors.NotFound;
import io.paasruntime.core.errors.ProviderErrors;
import io.paasruntime.core.errors.Unavailable;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.support.AppLocks;
import io.paasruntime.core.support.Caller;
import io.paasruntime.core.support.IdGenerator;
import io.paasruntime.core.support.Inputs;
import io.paasruntime.core.support.PageRequest;
import io.paasruntime.core.support.PageView;
import io.paasruntime.core.support.Times;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.database.DatabaseProvider;
import io.paasruntime.spi.database.DatabaseRequest;
import io.paasruntime.spi.database.ProvisionedDatabase;
import io.paasruntime.spi.store.Addon;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.StateStore;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Database add-ons of apps. Creating one reserves its name, provisions the database, stores the
 * sealed credentials and sets the URL as a config var (which makes a release); any failure undoes
 * the earlier steps, so a client sees either a working add-on or an error and nothing left over.
 * Deleting deprovisions, removes the row and unsets the var. Changes to one app's add-ons are
 * serialised by {@link AppLocks}. Credentials never appear in views, logs or audit events.
 */
public final class Addons {
    public static final String KIND = "postgresql";
    static final String PROVISIONING = "provisioning";
    static final String AVAILABLE = "available";
    static final String DEPROVISIONED = "deprovisioned";
    /** Generated names clash rarely; give up after this many. */
    private static final int NAME_ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(Addons.class.getName());

    /**
     * What creating add-ons needs: the databases port's provider, its id (recorded on each add-on) and
     * the cipher that seals credentials.
     */
    public record Backend(String providerId, DatabaseProvider provider, CredentialCipher cipher) {
        public Backend {
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(cipher, "cipher");
        }
    }

    private final StateStore store;
    private final Apps apps;
    private final ConfigVars configVars;
    private final AppLocks locks;
    private final Audit audit;
    private final Clock clock;
    private final IdGenerator ids;
    private final Optional<Backend> backend;
    private final AddonNames names;

    public Addons(StateStore store, Apps apps, ConfigVars configVars, AppLocks locks, Audit audit, Clock clock,
                  IdGenerator ids, Optional<Backend> backend) {
        this(store, apps, configVars, locks, audit, clock, ids, backend, new AddonNames());
    }

    Addons(StateStore store, Apps apps, ConfigVars configVars, AppLocks locks, Audit audit, Clock clock,
           IdGenerator ids, Optional<Backend> backend, AddonNames names) {
        this.store = store;
        this.apps = apps;
        this.configVars = configVars;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.backend = backend;
        this.names = names;
    }

    /**
     * Provisions a database for the app and attaches it.
     *
     * @param plan a plan of the provider, its default when empty
     * @param name a DNS label unique in the tenant, generated when empty
     */
    public AddonView create(Caller caller, String appIdOrName, Optional<String> plan, Optional<String> name) {
        Backend b = backend();
        List<String> plans = b.provider().plans();
        new Inputs()
                .require(plan.map(plans::contains).orElse(true), "plan",
                        "unknown plan; plans: " + String.join(", ", plans))
                .require(name.map(AddonNames::valid).orElse(true), "name", AddonNames.RULE)
                .check();
        App app = apps.resolve(caller, appIdOrName);
        return locks.withLock(app.id(), () -> attach(caller, apps.resolve(caller, app.id().toString()), b,
                plan.orElse(plans.getFirst()), name));
    }

    /** The app's add-ons, oldest first, a page at a time (an app has few: the page is cut in memory). */
    public PageView<AddonView> list(Caller caller, String appIdOrName, PageRequest page) {
        App app = apps.resolve(caller, appIdOrName);
        List<Addon> all = store.addons().listByApp(app.id());
        int from = 0;
        if (page.position().isPresent()) {
            String after = page.position().get();
            from = -1;
            for (int i = 0; i < all.size() && from < 0; i++) {
                if ((app.id() + "/" + all.get(i).id()).equals(after)) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw ValidationFailed.of("cursor", "is not a cursor this listing issued (or its add-on is gone)");
            }
        }
        List<Addon> items = all.subList(from, Math.min(all.size(), from + page.limit()));
        String next = from + items.size() < all.size()
                ? PageRequest.encode("addons", app.id() + "/" + items.getLast().id()) : null;
        return new PageView<>(items.stream().map(Addons::view).toList(), next);
    }

    public AddonView get(Caller caller, String addonId) {
        return view(find(caller, addonId));
    }

    /** Deprovisions the database, forgets the add-on and unsets its config var; answers it as deprovisioned. */
    public AddonView delete(Caller caller, String addonId) {
        Addon found = find(caller, addonId);
        return locks.withLock(found.appId(), () -> {
            Addon addon = find(caller, addonId);
            App app = apps.resolve(caller, addon.appId().toString());
            deprovision(addon);
            store.addons().delete(addon.id());
            try {
                configVars.applyInternal(caller, app, nulled(addon.configVar()), "detach add-on " + addon.name());
            } catch (RuntimeException e) {
                // the var is already gone from the store; only rolling the processes failed, as the release shows
                LOG.log(Level.WARNING, "rolling app " + app.id() + " after detaching " + addon.name() + " failed: "
                        + e.getMessage());
            }
            audit.record(caller, "addon.delete", "addon", addon.id(), "detached " + addon.name() + " from "
                    + app.name() + " and deprovisioned it");
            return view(addon.withStatus(DEPROVISIONED));
        });
    }

    /**
     * Purge step for an app deleted long enough ago: deprovisions every add-on and removes its row.
     * Throws (so the purge is retried later) while the database server or provider is unavailable.
     */
    public void deprovisionAll(App app) {
        for (Addon addon : store.addons().listByApp(app.id())) {
            deprovision(addon);
            store.addons().delete(addon.id());
            LOG.info("deprovisioned add-on " + addon.name() + " of purged app " + app.id());
        }
    }

    private AddonView attach(Caller caller, App app, Backend b, String plan, Optional<String> requestedName) {
        List<Addon> existing = store.addons().listByApp(app.id());
        Addon reserved = reserve(caller, app, plan, requestedName, existing, b.providerId());
        ProvisionedDatabase db;
        try {
            db = b.provider().provision(new DatabaseRequest(reserved.id(), app.name(), reserved.name(), plan));
        } catch (RuntimeException e) {
            store.addons().delete(reserved.id());
            throw e instanceof ProviderException p ? ProviderErrors.translate(p) : e;
        }
        Addon ready = new Addon(reserved.id(), reserved.tenantId(), reserved.appId(), KIND, reserved.name(), plan,
                AVAILABLE, reserved.configVar(), b.providerId(), db.externalRef(),
                b.cipher().seal(db.url(), reserved.id()), reserved.createdAt());
        try {
            store.transaction(tx -> {
                tx.addons().delete(reserved.id());
                tx.addons().insert(ready);
                return null;
            });
            configVars.applyInternal(caller, app, Map.of(ready.configVar(), db.url()), "attach add-on " + ready.name());
        } catch (RuntimeException e) {
            undoAttach(app, ready, db, b);
            throw e instanceof ProviderException p ? ProviderErrors.translate(p) : e;
        }
        audit.record(caller, "addon.create", "addon", ready.id(), "attached " + ready.name() + " (" + plan + ") to "
                + app.name() + " as " + ready.configVar());
        return view(ready);
    }

    /** Inserts the add-on as {@code provisioning}, which claims its name before any database exists. */
    private Addon reserve(Caller caller, App app, String plan, Optional<String> requestedName, List<Addon> existing,
                          String providerId) {
        Map<String, String> config = store.settings().configVars(app.id());
        boolean primaryTaken = config.containsKey(AddonNames.PRIMARY_VAR)
                || existing.stream().anyMatch(a -> a.configVar().equals(AddonNames.PRIMARY_VAR));
        for (int attempt = 1; ; attempt++) {
            String name = requestedName.orElseGet(names::generate);
            String configVar = primaryTaken ? AddonNames.namedVar(name) : AddonNames.PRIMARY_VAR;
            if (config.containsKey(configVar)) {
                throw new Conflict("config var " + configVar + " is already set on app " + app.name()
                        + "; unset it or choose another add-on name");
            }
            Addon addon = new Addon(ids.next(), caller.tenantId(), app.id(), KIND, name, plan, PROVISIONING, configVar,
                    providerId, "", "", Times.now(clock));
            try {
                store.addons().insert(addon);
                return addon;
            } catch (ProviderException e) {
                if (e.kind() != ProviderException.Kind.CONFLICT) {
                    throw ProviderErrors.translate(e);
                }
                if (requestedName.isPresent()) {
                    throw new Conflict("an add-on named '" + name + "' already exists");
                }
                if (attempt == NAME_ATTEMPTS) {
                    throw new Conflict("could not find a free add-on name; pass one as \"name\"");
                }
            }
        }
    }

    /** After provisioning worked but a later step failed: nothing may stay behind. */
    private void undoAttach(App app, Addon addon, ProvisionedDatabase db, Backend b) {
        try {
            b.provider().deprovision(db.externalRef());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not deprovision " + addon.name() + " after a failed attach; the provider"
                    + " keeps " + db.externalRef() + ": " + e.getMessage());
        }
        store.addons().delete(addon.id());
        Map<String, String> config = new HashMap<>(store.settings().configVars(app.id()));
        if (db.url().equals(config.get(addon.configVar()))) {
            // set before rolling the release failed: take it back without another release
            config.remove(addon.configVar());
            store.settings().replaceConfigVars(app.id(), config);
        }
    }

    private void deprovision(Addon addon) {
        if (addon.externalRef().isEmpty()) {
            return; // reserved by a run that stopped before its database existed
        }
        try {
            backend().provider().deprovision(addon.externalRef());
        } catch (ProviderException e) {
            throw ProviderErrors.translate(e);
        }
    }

    /** The caller's add-on whose app is live; otherwise not found, like another tenant's. */
    private Addon find(Caller caller, String addonId) {
        NotFound notFound = new NotFound("add-on '" + addonId + "' does not exist or you don't have access");
        UUID id;
        try {
            id = addonId != null && addonId.length() == 36 ? UUID.fromString(addonId) : null;
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            throw notFound;
        }
        Addon addon = store.addons().findById(caller.tenantId(), id).orElseThrow(() -> notFound);
        boolean appLive = store.apps().findById(caller.tenantId(), addon.appId()).filter(a -> !a.deleted()).isPresent();
        if (!appLive) {
            throw notFound;
        }
        return addon;
    }

    private Backend backend() {
        return backend.orElseThrow(() -> new Unavailable("no database provider configured"));
    }

    private static Map<String, String> nulled(String key) {
        Map<String, String> change = new HashMap<>();
        change.put(key, null);
        return change;
    }

    static AddonView view(Addon addon) {
        return new AddonView(addon.id().toString(), addon.appId().toString(), addon.kind(), addon.name(), addon.plan(),
                addon.status(), addon.configVar(), Times.format(addon.createdAt()));
    }
}

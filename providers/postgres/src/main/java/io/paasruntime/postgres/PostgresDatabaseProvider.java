package io.paasruntime.postgres;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.database.DatabaseProvider;
import io.paasruntime.spi.database.DatabaseRequest;
import io.paasruntime.spi.database.ProvisionedDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * One PostgreSQL role and one database it owns per add-on, on the server {@link AdminServer} names.
 * See {@link AddonSql} for why other databases lose {@code PUBLIC}'s {@code CONNECT}.
 *
 * <p>Provisioning is all-or-nothing: the role is created unable to log in, then the database, and only
 * the last step lets it log in. A failure part-way drops what this call created (never a role or
 * database that existed before); if the server went away so that cannot run, {@link Leftovers}
 * drops it once the server answers again.
 *
 * <p>Threading: thread-safe; every operation opens its own admin session.
 */
final class PostgresDatabaseProvider implements DatabaseProvider {
    private static final System.Logger LOG = System.getLogger(PostgresDatabaseProvider.class.getName());
    private final AdminServer server;
    private final Clock clock;
    private final Leftovers leftovers;
    private volatile List<String> lastWarned = List.of();

    PostgresDatabaseProvider(AdminServer server, Clock clock, Leftovers leftovers) {
        this.server = server;
        this.clock = clock;
        this.leftovers = leftovers;
    }

    @Override
    public List<String> plans() {
        return Plan.ALL.stream().map(Plan::name).toList();
    }

    @Override
    public ProvisionedDatabase provision(DatabaseRequest request) {
        Plan plan = Plan.named(request.plan());
        AddonIdentity id = AddonIdentity.of(request.addonId());
        char[] password = AddonIdentity.newPassword();
        try (Connection c = connect("create the database")) {
            leftovers.dropAllBefore(c, "provisioning");
            warnIfOpen(AddonSql.protectOtherDatabases(c));
            Progress progress = new Progress();
            try {
                AddonSql.createRole(c, id, plan);
                progress.roleCreated = true;
                AddonSql.markProvisioning(c, id, clock.instant());
                AddonSql.setPassword(c, id, password);
                AddonSql.joinRoleIfNeeded(c, id);
                AddonSql.createDatabase(c, id, plan);
                progress.databaseCreated = true;
                AddonSql.closeToOthers(c, id);
                AddonSql.markReady(c, id, request.addonName() + " of app " + request.appName());
            } catch (SQLException e) {
                undo(c, id, progress);
                throw SqlFailures.translate(progress.roleCreated ? "create the database" : "create the role", e);
            } catch (RuntimeException e) {
                undo(c, id, progress);
                throw e;
            }
            return new ProvisionedDatabase(id.name(), id.url(password, server.publicHost(), server.port()));
        } catch (SQLException e) {
            throw SqlFailures.translate("create the database", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public void deprovision(String externalRef) {
        AddonIdentity id = new AddonIdentity(externalRef);
        try (Connection c = connect("drop the database")) {
            leftovers.dropAllBefore(c, "deprovisioning");
            AddonSql.dropDatabase(c, id);
            AddonSql.dropRole(c, id);
        } catch (SQLException e) {
            throw SqlFailures.translate("drop the database", e);
        }
    }

    @Override
    public String status(String externalRef) {
        AddonIdentity id = new AddonIdentity(externalRef);
        try (Connection c = server.connect()) {
            return AddonSql.roleExists(c, id) && AddonSql.databaseExists(c, id) ? "available" : "missing";
        } catch (SQLException e) {
            return "unavailable";
        }
    }

    @Override
    public void close() {
        leftovers.close();
    }

    /** Says once per set of databases that add-on roles can still log in there. */
    private void warnIfOpen(List<String> stillOpen) {
        if (!stillOpen.isEmpty() && !stillOpen.equals(lastWarned)) {
            lastWarned = stillOpen;
            LOG.log(System.Logger.Level.WARNING, "add-on roles can still connect to databases " + stillOpen + " on "
                    + server + ": make databases.admin-user a superuser or their owner, or revoke CONNECT from PUBLIC");
        }
    }

    private Connection connect(String action) {
        try {
            return server.connect();
        } catch (SQLException e) {
            throw SqlFailures.translate(action, e);
        }
    }

    /** Drops what this call created, on the same session if it still works, else on a new one, else later. */
    private void undo(Connection c, AddonIdentity id, Progress progress) {
        if (!progress.roleCreated) {
            return;
        }
        try {
            dropCreated(c.isValid(2) ? c : null, id, progress);
        } catch (SQLException | RuntimeException e) {
            leftovers.add(id, progress.databaseCreated);
        }
    }

    private void dropCreated(Connection open, AddonIdentity id, Progress progress) throws SQLException {
        if (open == null) {
            try (Connection fresh = server.connect()) {
                dropCreated(fresh, id, progress);
            }
            return;
        }
        if (progress.databaseCreated) {
            AddonSql.dropDatabase(open, id);
        }
        AddonSql.dropRole(open, id);
    }

    /** What a provisioning call has created so far. */
    private static final class Progress {
        boolean roleCreated;
        boolean databaseCreated;
    }
}

package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.LocalLogStore;
import io.paasruntime.local.telemetry.LocalProcessTable;
import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.OrchestratorFactory;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;

/**
 * Creates the {@code local} orchestrator (config section {@code orchestration}):
 * <ul>
 *   <li>{@code max-artifact-bytes} (104857600): largest {@code .tar.gz} a deploy may upload;</li>
 *   <li>{@code router.port-range} ({@code 20000-20999}): each app's stable {@code web_url} port;</li>
 *   <li>{@code process.port-range} ({@code 21000-29999}): the {@code PORT} of web instances;</li>
 *   <li>{@code run-as-user} ({@code paas-app}): when the runtime runs as root, apps run as this
 *       user, created with {@code useradd --system} if missing;</li>
 *   <li>{@code grace-period} ({@code 10s}): SIGTERM → SIGKILL, and router draining;</li>
 *   <li>{@code health-timeout} ({@code 60s}): how long a new release gets to come up.</li>
 * </ul>
 * Sizes are fixed: see {@link ProcessSize}. On creation it ends the app processes a previous run
 * left behind (recorded in pid files), so a {@code kill -9} of the server leaves no orphans.
 */
public final class LocalOrchestratorFactory implements OrchestratorFactory {
    public static final String ID = "local";
    private static final System.Logger LOG = System.getLogger(LocalOrchestratorFactory.class.getName());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return LocalOrchestratorSettings.KEYS;
    }

    @Override
    public Orchestrator create(ProviderConfig config, ProviderContext context) {
        LocalOrchestratorSettings settings = LocalOrchestratorSettings.from(config);
        LocalDataLayout layout = LocalDataLayout.under(context.dataDir());
        Optional<AppUser> user = AppUser.forRuntime(settings.runAsUser());
        requireTools(user.isPresent() ? List.of("setsid", "prlimit", "setpriv", "kill") : List.of("setsid", "prlimit", "kill"));
        PidFiles pidFiles = new PidFiles(layout.pidFiles());
        try {
            Files.createDirectories(layout.root());
            if (user.isPresent()) {
                Files.setPosixFilePermissions(layout.root(), withOthersExecute(layout.root()));
            }
            if (user.isPresent()) {
                // uploaded sources and captured logs are the runtime's alone; apps get their own copies
                for (Path own : List.of(layout.artifacts(), layout.root().resolve("logs"))) {
                    Files.createDirectories(own);
                    Files.setPosixFilePermissions(own, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                }
            }
            pidFiles.reapOrphans(settings.gracePeriod());
            FileTrees.deleteRecursively(layout.runRoot()); // HOME and TMPDIR of instances that no longer run
        } catch (IOException e) {
            throw ProviderException.unavailable("cannot prepare " + layout.root() + ": " + e.getMessage(), e);
        }
        ArtifactStore artifacts = new ArtifactStore(layout.artifacts(), settings.maxArtifactBytes());
        LocalLogStore logs = LocalLogStore.shared(context);
        return new LocalOrchestrator(new LocalRuntimeParts(settings, layout, artifacts, new ReleaseUnpacker(artifacts),
                new InstanceLauncher(layout, user, pidFiles, new AppUids(layout.root().resolve("uids.properties"))), new ProcessPorts(settings.processPorts()),
                new RoutePorts(layout.routesFile(), settings.routerPorts()), logs, LocalProcessTable.shared(context), context.clock(),
                user.flatMap(u -> unreachable(u, layout.root()))));
    }

    /** The util-linux and procps commands instances are started and stopped with. */
    private static void requireTools(List<String> tools) {
        List<String> path = List.of(Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin").split(":"));
        List<String> missing = tools.stream()
                .filter(tool -> path.stream().noneMatch(dir -> Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, tool))))
                .toList();
        if (!missing.isEmpty()) {
            throw ProviderException.unavailable("the local orchestrator needs " + missing + " on the PATH "
                    + "(Debian/Ubuntu: apt-get install util-linux procps)", null);
        }
    }

    /** Why {@code user} cannot walk down to {@code dir}, if a directory on the way denies others execute permission. */
    private static Optional<String> unreachable(AppUser user, Path dir) {
        for (Path at = dir; at != null; at = at.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(at).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    String why = "apps run as user " + user.name() + ", who cannot enter " + at
                            + " (the data directory's parents need execute permission for others: chmod o+x " + at + ")";
                    LOG.log(Level.WARNING, why);
                    return Optional.of(why);
                }
            } catch (IOException e) {
                return Optional.of("cannot check the permissions of " + at + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static java.util.Set<PosixFilePermission> withOthersExecute(Path dir) throws IOException {
        var perms = Files.getPosixFilePermissions(dir);
        perms.add(PosixFilePermission.OTHERS_EXECUTE);
        return perms;
    }
}

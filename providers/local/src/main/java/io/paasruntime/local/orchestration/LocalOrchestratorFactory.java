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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 *   <li>{@code health-timeout} ({@code 60s}): how long a new release gets to come up;</li>
 *   <li>{@code apps-dir} (none): where unpacked releases and the instances' HOME and TMPDIR go,
 *       instead of the choice {@link AppTreeLocation} makes ({@code <dataDir>/local}, or as root
 *       with a data directory the app users cannot enter, {@code /var/lib/paas-runtime/apps-<hash>}).</li>
 * </ul>
 * Sizes are fixed: see {@link ProcessSize}. On creation it ends the app processes a previous run
 * left behind (recorded in pid files), so a {@code kill -9} of the server leaves no orphans.
 */
public final class LocalOrchestratorFactory implements OrchestratorFactory {
    public static final String ID = "local";

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
        AppTreeLocation appTree;
        try {
            Files.createDirectories(layout.root());
            if (user.isPresent()) {
                // uploaded sources and captured logs are the runtime's alone; apps get their own copies
                for (Path own : List.of(layout.artifacts(), layout.logs())) {
                    Files.createDirectories(own);
                    Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwx------"));
                }
            }
            appTree = AppTreeLocation.choose(settings.appsDir(), layout, user, AppTreeLocation.DEFAULT_PARENT);
            pidFiles.reapOrphans(settings.gracePeriod());
            appTree.clearStale(); // HOME and TMPDIR of instances that no longer run
        } catch (IOException e) {
            throw ProviderException.unavailable("cannot prepare " + layout.root() + ": " + e.getMessage(), e);
        }
        ArtifactStore artifacts = new ArtifactStore(layout.artifacts(), settings.maxArtifactBytes());
        LocalLogStore logs = LocalLogStore.shared(context);
        AppUids uids = new AppUids(layout.uidsFile());
        if (user.isPresent()) {
            uids.reserveRecorded();
            // processes of an earlier run that left their instances' groups, which reapOrphans does not reach
            uids.recorded().forEach(uid -> ProcessGroups.killUid(uid, java.time.Instant.now().plusSeconds(5)));
        }
        AppDirectories dirs = new AppDirectories(user, uids);
        InstanceLauncher launcher = new InstanceLauncher(user, pidFiles, uids, dirs);
        return new LocalOrchestrator(new LocalRuntimeParts(settings, layout, appTree, artifacts, new ReleaseUnpacker(artifacts, dirs),
                launcher, new ProcessPorts(settings.processPorts()), new RoutePorts(layout.routesFile(), settings.routerPorts()),
                logs, LocalProcessTable.shared(context), context.clock()));
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
}

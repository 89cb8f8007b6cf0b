package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code orchestration} settings of the local orchestrator.
 *
 * @param maxArtifactBytes largest {@code .tar.gz} accepted by a deploy
 * @param routerPorts      where each app's stable {@code web_url} port is chosen from
 * @param processPorts     where each {@code web} instance's {@code PORT} is chosen from
 * @param runAsUser        the unprivileged user apps run as when the runtime runs as root
 * @param gracePeriod      time between SIGTERM and SIGKILL, and for draining router connections
 * @param healthTimeout    how long a new release gets to come up before it is marked failed
 * @param appsDir          where the apps' own files go instead of the automatic choice of {@link AppTreeLocation}
 */
record LocalOrchestratorSettings(long maxArtifactBytes, PortRange routerPorts, PortRange processPorts,
                                 String runAsUser, Duration gracePeriod, Duration healthTimeout, Optional<Path> appsDir) {

    static final List<ConfigKey> KEYS = List.of(
            ConfigKey.of("max-artifact-bytes", "104857600", "largest deploy artifact (.tar.gz) accepted, in bytes"),
            ConfigKey.of("router.port-range", "20000-20999", "ports for the apps' web_url on 127.0.0.1"),
            ConfigKey.of("process.port-range", "21000-29999", "ports assigned to web processes as PORT"),
            ConfigKey.of("run-as-user", "paas-app", "unprivileged user apps run as when the runtime runs as root (created if missing)"),
            ConfigKey.of("grace-period", "10s", "time a stopping process gets between SIGTERM and SIGKILL"),
            ConfigKey.of("health-timeout", "60s", "time a new release's processes get to come up"),
            ConfigKey.optional("apps-dir", "absolute path of the directory for unpacked releases and instances' HOME/TMPDIR "
                    + "(default: <data-dir>/local, or as root when apps cannot enter the data dir /var/lib/paas-runtime/apps-<hash>)"));

    LocalOrchestratorSettings {
        if (maxArtifactBytes < 1) {
            throw ProviderException.invalid("orchestration.max-artifact-bytes", "orchestration.max-artifact-bytes must be positive");
        }
        if (routerPorts.overlaps(processPorts)) {
            throw ProviderException.invalid("orchestration.router.port-range",
                    "orchestration.router.port-range " + routerPorts + " overlaps orchestration.process.port-range " + processPorts);
        }
        if (!runAsUser.matches("[a-z_][a-z0-9_-]{0,31}")) {
            throw ProviderException.invalid("orchestration.run-as-user", "orchestration.run-as-user must be a plain user name");
        }
        if (gracePeriod.isNegative() || healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw ProviderException.invalid("orchestration.health-timeout", "grace-period and health-timeout must be positive");
        }
        if (appsDir.isPresent() && !appsDir.get().isAbsolute()) {
            throw ProviderException.invalid("orchestration.apps-dir", "orchestration.apps-dir must be an absolute path");
        }
        appsDir = appsDir.map(Path::normalize);
    }

    static LocalOrchestratorSettings from(ProviderConfig config) {
        return new LocalOrchestratorSettings(
                config.getLong("max-artifact-bytes"),
                PortRange.parse("orchestration.router.port-range", config.require("router.port-range")),
                PortRange.parse("orchestration.process.port-range", config.require("process.port-range")),
                config.require("run-as-user").trim(),
                config.getDuration("grace-period"),
                config.getDuration("health-timeout"),
                config.get("apps-dir").map(String::trim).filter(dir -> !dir.isEmpty()).map(LocalOrchestratorSettings::path));
    }

    private static Path path(String dir) {
        try {
            return Path.of(dir);
        } catch (InvalidPathException e) {
            throw ProviderException.invalid("orchestration.apps-dir", "orchestration.apps-dir is not a valid path: " + e.getMessage());
        }
    }
}

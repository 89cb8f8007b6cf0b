package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;

import java.time.Duration;
import java.util.List;

/**
 * The {@code orchestration} settings of the local orchestrator.
 *
 * @param maxArtifactBytes largest {@code .tar.gz} accepted by a deploy
 * @param routerPorts      where each app's stable {@code web_url} port is chosen from
 * @param processPorts     where each {@code web} instance's {@code PORT} is chosen from
 * @param runAsUser        the unprivileged user apps run as when the runtime runs as root
 * @param gracePeriod      time between SIGTERM and SIGKILL, and for draining router connections
 * @param healthTimeout    how long a new release gets to come up before it is marked failed
 */
record LocalOrchestratorSettings(long maxArtifactBytes, PortRange routerPorts, PortRange processPorts,
                                 String runAsUser, Duration gracePeriod, Duration healthTimeout) {

    static final List<ConfigKey> KEYS = List.of(
            ConfigKey.of("max-artifact-bytes", "104857600", "largest deploy artifact (.tar.gz) accepted, in bytes"),
            ConfigKey.of("router.port-range", "20000-20999", "ports for the apps' web_url on 127.0.0.1"),
            ConfigKey.of("process.port-range", "21000-29999", "ports assigned to web processes as PORT"),
            ConfigKey.of("run-as-user", "paas-app", "unprivileged user apps run as when the runtime runs as root (created if missing)"),
            ConfigKey.of("grace-period", "10s", "time a stopping process gets between SIGTERM and SIGKILL"),
            ConfigKey.of("health-timeout", "60s", "time a new release's processes get to come up"));

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
    }

    static LocalOrchestratorSettings from(ProviderConfig config) {
        return new LocalOrchestratorSettings(
                config.getLong("max-artifact-bytes"),
                PortRange.parse("orchestration.router.port-range", config.require("router.port-range")),
                PortRange.parse("orchestration.process.port-range", config.require("process.port-range")),
                config.require("run-as-user").trim(),
                config.getDuration("grace-period"),
                config.getDuration("health-timeout"));
    }
}

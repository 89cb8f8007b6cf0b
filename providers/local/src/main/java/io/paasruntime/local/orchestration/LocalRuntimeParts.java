package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.LocalLogStore;

import java.time.Clock;
import java.util.Optional;

/**
 * What every app's {@link AppRuntime} shares: settings, files, ports and the log store.
 *
 * @param unreachableReleases why the app user cannot reach the release directories, if it cannot
 *                            (a parent directory without execute permission for others)
 */
record LocalRuntimeParts(LocalOrchestratorSettings settings, LocalDataLayout layout, ArtifactStore artifacts,
                         ReleaseUnpacker unpacker, InstanceLauncher launcher, ProcessPorts processPorts,
                         RoutePorts routePorts, LocalLogStore logStore, Clock clock,
                         Optional<String> unreachableReleases) {
}

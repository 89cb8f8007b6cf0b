package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.LocalLogStore;
import io.paasruntime.local.telemetry.LocalProcessTable;

import java.time.Clock;
import java.util.Optional;

/**
 * What every app's {@link AppRuntime} shares: settings, files, ports, the log store and the table of
 * running processes the local metrics sample.
 *
 * @param unreachableReleases why the app user cannot reach the release directories, if it cannot
 *                            (a parent directory without execute permission for others)
 */
record LocalRuntimeParts(LocalOrchestratorSettings settings, LocalDataLayout layout, ArtifactStore artifacts,
                         ReleaseUnpacker unpacker, InstanceLauncher launcher, ProcessPorts processPorts,
                         RoutePorts routePorts, LocalLogStore logStore, LocalProcessTable processTable, Clock clock,
                         Optional<String> unreachableReleases) {
}

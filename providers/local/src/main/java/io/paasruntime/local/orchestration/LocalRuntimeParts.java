package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.LocalLogStore;
import io.paasruntime.local.telemetry.LocalProcessTable;

import java.time.Clock;

/**
 * What every app's {@link AppRuntime} shares: settings, files, ports, the log store and the table of
 * running processes the local metrics sample.
 *
 * @param layout   the runtime's own files
 * @param appTree  where the apps' files go, checked before each release
 */
record LocalRuntimeParts(LocalOrchestratorSettings settings, LocalDataLayout layout, AppTreeLocation appTree,
                         ArtifactStore artifacts, ReleaseUnpacker unpacker, InstanceLauncher launcher, ProcessPorts processPorts,
                         RoutePorts routePorts, LocalLogStore logStore, LocalProcessTable processTable, Clock clock) {
}

package io.paasruntime.spi.orchestration;

import java.net.URI;
import java.util.Optional;

/**
 * Runs releases.
 *
 * <p>Lifecycle: created once at start-up; the core then calls {@link #apply} for every live app
 * to bring it back to its current release (so an orchestrator must adopt or replace what an earlier
 * run left behind, never duplicate it). {@link #close()} stops what this runtime started, if the
 * orchestrator runs processes itself.
 *
 * <p>Threading: all methods may be called concurrently for different apps; calls for one app are
 * serialised by the core. Status reports arrive on the orchestrator's own threads.
 */
public interface Orchestrator extends AutoCloseable {

    /** The kind of source this orchestrator runs: {@code artifact} or {@code image}. */
    String sourceKind();

    /**
     * Checks and stores a source so that releases can refer to it.
     *
     * @throws io.paasruntime.spi.ProviderException {@code INVALID} for a source this orchestrator
     *         cannot run (naming why), or one that is malformed
     */
    PreparedSource prepare(SourceUpload upload);

    /** Whether a source prepared earlier can still be deployed (an artifact may have been removed). */
    boolean sourceAvailable(String sourceRef);

    /**
     * Makes the app run {@code deployment}, replacing its current processes without downtime.
     * Returns at once; progress is reported to {@code listener}: {@code RUNNING}, then
     * {@code SUCCEEDED} or {@code FAILED} with a reason (the previous release keeps serving).
     */
    void apply(Deployment deployment, ReleaseListener listener);

    /** Rolling restart of all process types, or only {@code processType}. */
    void restart(AppRef app, Optional<String> processType);

    /** Sets the number of instances of one process type of the running release. */
    void scale(AppRef app, String processType, int replicas);

    /** The app's process types and their instances now. */
    AppProcesses processes(AppRef app);

    /** The stable address of the app's {@code web} processes, if it has them. */
    Optional<URI> webUrl(AppRef app);

    /** Stops every process of the app (soft delete), keeping what a later {@link #apply} needs. */
    void stop(AppRef app);

    /** Stops the app and removes everything the orchestrator holds for it. */
    void purge(AppRef app);
}

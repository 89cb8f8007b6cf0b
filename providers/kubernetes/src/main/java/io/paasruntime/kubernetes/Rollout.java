package io.paasruntime.kubernetes;

import io.paasruntime.spi.orchestration.ReleaseListener;

import java.util.Set;
import java.util.UUID;

/**
 * One release being rolled out: the Deployments it must bring up, what to restore if it fails, and
 * whom to tell.
 *
 * @param deployments    names of the release's Deployments
 * @param web            whether the release has a {@code web} process type
 * @param ingress        whether it has an Ingress (web and an ingress domain)
 * @param before         the app before the first unfinished rollout (a superseded rollout passes its own on)
 * @param deadlineNanos  {@link System#nanoTime()} after which the rollout fails
 */
record Rollout(AppObjects objects, UUID releaseId, int version, Set<String> deployments, boolean web, boolean ingress,
               PreviousState before, ReleaseListener listener, long deadlineNanos) {
    Rollout {
        deployments = Set.copyOf(deployments);
    }

    UUID appId() {
        return objects.layout().app().appId();
    }
}

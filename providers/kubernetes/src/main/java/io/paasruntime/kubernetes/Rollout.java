package io.paasruntime.kubernetes;

import io.paasruntime.spi.orchestration.ReleaseListener;

import java.util.UUID;

/**
 * One release being rolled out: the Deployments it must bring up, what to restore if it fails, and
 * whom to tell.
 *
 * @param wanted         the objects the app has once the release runs (its Deployments among them)
 * @param before         the app before the first unfinished rollout (a superseded rollout passes its own on)
 * @param deadlineNanos  {@link System#nanoTime()} after which the rollout fails
 */
record Rollout(AppObjects objects, UUID releaseId, int version, AppObjectNames wanted,
               PreviousState before, ReleaseListener listener, long deadlineNanos) {
    UUID appId() {
        return objects.layout().app().appId();
    }
}

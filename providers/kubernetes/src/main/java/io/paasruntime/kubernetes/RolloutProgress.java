package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where one Deployment's rollout stands, judged the way {@code kubectl rollout status} does: the
 * controller has seen the latest spec, every replica runs the new template, no old replica is left,
 * and the new ones are available; {@code Progressing=False} with reason {@code ProgressDeadlineExceeded}
 * is a failure.
 *
 * @param state  how far it is
 * @param detail a sentence for operators (why it waits, or why it failed)
 */
record RolloutProgress(State state, String detail) {

    enum State { WAITING, DONE, FAILED }

    /** Container states that will not fix themselves within a rollout. */
    private static final Set<String> STUCK = Set.of("ImagePullBackOff", "ErrImageNeverPull", "InvalidImageName",
            "CreateContainerConfigError", "CreateContainerError", "CrashLoopBackOff");

    static RolloutProgress of(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        int desired = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        DeploymentStatus status = deployment.getStatus();
        long generation = Optional.ofNullable(deployment.getMetadata().getGeneration()).orElse(0L);
        if (status == null || Optional.ofNullable(status.getObservedGeneration()).orElse(-1L) < generation) {
            return new RolloutProgress(State.WAITING, name + ": waiting for the controller to see the new spec");
        }
        Optional<DeploymentCondition> deadline = Optional.ofNullable(status.getConditions()).orElse(List.of()).stream()
                .filter(c -> "Progressing".equals(c.getType()) && "False".equals(c.getStatus())
                        && "ProgressDeadlineExceeded".equals(c.getReason()))
                .findFirst();
        if (deadline.isPresent()) {
            return new RolloutProgress(State.FAILED, name + " exceeded its progress deadline"
                    + Optional.ofNullable(deadline.get().getMessage()).map(m -> ": " + m).orElse(""));
        }
        int updated = count(status.getUpdatedReplicas());
        int total = count(status.getReplicas());
        int available = count(status.getAvailableReplicas());
        if (updated < desired) {
            return new RolloutProgress(State.WAITING, name + ": " + updated + " of " + desired + " replicas updated");
        }
        if (total > updated) {
            return new RolloutProgress(State.WAITING, name + ": " + (total - updated) + " old replicas pending termination");
        }
        if (available < updated) {
            return new RolloutProgress(State.WAITING, name + ": " + available + " of " + updated + " updated replicas available");
        }
        return new RolloutProgress(State.DONE, name + ": " + available + " replicas available");
    }

    /**
     * A failure visible on the new release's pods before any deadline: an image that cannot be
     * pulled, a container that cannot be created, or one that keeps crashing.
     */
    static Optional<String> stuckPod(List<Pod> podsOfRelease) {
        return podsOfRelease.stream()
                .flatMap(pod -> containerStatuses(pod)
                        .filter(cs -> cs.getState() != null && cs.getState().getWaiting() != null
                                && STUCK.contains(cs.getState().getWaiting().getReason()))
                        .map(cs -> "pod " + pod.getMetadata().getName() + ": " + cs.getState().getWaiting().getReason()
                                + Optional.ofNullable(cs.getState().getWaiting().getMessage()).map(m -> " (" + m + ")").orElse("")))
                .findFirst();
    }

    static Stream<ContainerStatus> containerStatuses(Pod pod) {
        if (pod.getStatus() == null) {
            return Stream.empty();
        }
        return Stream.concat(Stream.ofNullable(pod.getStatus().getInitContainerStatuses()).flatMap(List::stream),
                Stream.ofNullable(pod.getStatus().getContainerStatuses()).flatMap(List::stream)).filter(Objects::nonNull);
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }
}

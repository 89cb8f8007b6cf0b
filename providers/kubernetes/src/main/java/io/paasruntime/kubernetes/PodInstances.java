package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.paasruntime.spi.orchestration.AppProcesses;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a pod as a process instance: pod name as id, phase and readiness as state. */
final class PodInstances {
    private PodInstances() {
    }

    static AppProcesses.Instance of(Pod pod) {
        boolean web = AppLayout.WEB.equals(labels(pod).get(AppLayout.PROCESS));
        int restarts = RolloutProgress.containerStatuses(pod)
                .mapToInt(cs -> cs.getRestartCount() == null ? 0 : cs.getRestartCount()).sum();
        return new AppProcesses.Instance(pod.getMetadata().getName(), state(pod), startedAt(pod), restarts,
                web ? Optional.of(AppLayout.WEB_PORT) : Optional.empty());
    }

    /**
     * {@code stopping} once deletion began; {@code crashed} for a failed pod or a container waiting
     * to be restarted or unable to start; {@code up} when Running and Ready; {@code down} when it
     * ran to completion; {@code starting} otherwise.
     */
    static String state(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return "stopping";
        }
        String phase = pod.getStatus() == null ? "Pending" : Optional.ofNullable(pod.getStatus().getPhase()).orElse("Pending");
        boolean crashing = RolloutProgress.containerStatuses(pod).anyMatch(PodInstances::crashing);
        return switch (phase) {
            case "Failed" -> "crashed";
            case "Succeeded" -> "down";
            case "Running" -> crashing ? "crashed" : ready(pod) ? "up" : "starting";
            case "Unknown" -> "down";
            default -> crashing ? "crashed" : "starting";
        };
    }

    private static boolean crashing(ContainerStatus cs) {
        if (cs.getState() == null) {
            return false;
        }
        if (cs.getState().getTerminated() != null) {
            return true;
        }
        return cs.getState().getWaiting() != null && cs.getState().getWaiting().getReason() != null
                && !"ContainerCreating".equals(cs.getState().getWaiting().getReason())
                && !"PodInitializing".equals(cs.getState().getWaiting().getReason());
    }

    private static boolean ready(Pod pod) {
        return Optional.ofNullable(pod.getStatus().getConditions()).orElse(List.of()).stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static Optional<Instant> startedAt(Pod pod) {
        return Optional.ofNullable(pod.getStatus()).map(s -> s.getStartTime()).flatMap(PodInstances::instant);
    }

    private static Optional<Instant> instant(String rfc3339) {
        try {
            return Optional.of(Instant.parse(rfc3339));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> labels(Pod pod) {
        return Optional.ofNullable(pod.getMetadata().getLabels()).orElse(Map.of());
    }
}

package io.paasruntime.spi.orchestration;

import java.util.List;

/** An app's process types, in a stable order ({@code web} first, then by name). */
public record AppProcesses(List<ProcessGroup> types) {
    public AppProcesses {
        types = List.copyOf(types);
    }

    /** One process type with its instances. */
    public record ProcessGroup(String type, String command, int replicas, String size, List<Instance> instances) {
        public ProcessGroup {
            instances = List.copyOf(instances);
        }
    }

    /**
     * One running (or restarting) instance.
     *
     * @param id        PS-style id such as {@code web.1}, or a pod name
     * @param state     {@code starting}, {@code up}, {@code crashed}, {@code stopping} or {@code down}
     * @param startedAt when its current process started, if it runs
     * @param restarts  how many times it was restarted after a crash
     * @param port      the port it listens on ({@code web} on the local orchestrator)
     */
    public record Instance(String id, String state, java.util.Optional<java.time.Instant> startedAt, int restarts,
                           java.util.Optional<Integer> port) {
    }
}

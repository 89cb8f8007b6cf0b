package io.paasruntime.core.processes;

import java.util.List;

/** {@code {"types":[{"type","command","replicas","size","instances":[…]}]}} */
public record ProcessesView(List<TypeView> types) {

    public record TypeView(String type, String command, int replicas, String size, List<InstanceView> instances) {
    }

    /** {@code port} is null when the instance listens on none. */
    public record InstanceView(String id, String state, String startedAt, int restarts, Integer port) {
    }
}

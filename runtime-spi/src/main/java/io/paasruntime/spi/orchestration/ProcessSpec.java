package io.paasruntime.spi.orchestration;

import java.util.Objects;

/** One process type of a deployment: its command, how many instances and their size. */
public record ProcessSpec(String type, String command, int replicas, String size) {
    public ProcessSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(size, "size");
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be >= 0");
        }
    }
}

package io.paasruntime.spi.store;

import java.util.Objects;

/** How many instances of a process type run, and how big each is. */
public record ProcessFormation(String type, int replicas, String size) {
    public ProcessFormation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(size, "size");
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be >= 0");
        }
    }
}

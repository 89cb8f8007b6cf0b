package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.paasruntime.spi.ProviderException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The resources of one container by process size. Memory request and limit are equal, so an
 * instance is never OOM-killed for memory the scheduler promised it; CPU has a request but no limit,
 * because CPU limits throttle latency-sensitive processes even on an idle node.
 *
 * <ul>
 *   <li>{@code small} (the default): 250m CPU, 512Mi memory</li>
 *   <li>{@code medium}: 500m CPU, 1Gi memory</li>
 *   <li>{@code large}: 1 CPU, 2Gi memory</li>
 * </ul>
 */
enum ContainerSize {
    SMALL("250m", "512Mi"),
    MEDIUM("500m", "1Gi"),
    LARGE("1", "2Gi");

    private final String cpu;
    private final String memory;

    ContainerSize(String cpu, String memory) {
        this.cpu = cpu;
        this.memory = memory;
    }

    /** The size named {@code name}; blank means {@code small}. */
    static ContainerSize of(String name) {
        if (name == null || name.isBlank()) {
            return SMALL;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProviderException.invalid("size", "unknown process size '" + name + "'; known sizes: "
                    + Arrays.stream(values()).map(ContainerSize::wireName).collect(Collectors.joining(", ")));
        }
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    ResourceRequirements resources() {
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(cpu))
                .addToRequests("memory", new Quantity(memory))
                .addToLimits("memory", new Quantity(memory))
                .build();
    }
}

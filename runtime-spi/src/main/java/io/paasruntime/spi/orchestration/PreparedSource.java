package io.paasruntime.spi.orchestration;

import java.util.Map;
import java.util.Objects;

/**
 * A checked source a release can refer to.
 *
 * @param kind      {@code artifact} or {@code image}
 * @param ref       {@code sha256:<hex>} of the artifact, or the image reference
 * @param processes process type → command, from the Procfile or the request
 */
public record PreparedSource(String kind, String ref, Map<String, String> processes) {
    public PreparedSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
        processes = Map.copyOf(processes);
    }
}

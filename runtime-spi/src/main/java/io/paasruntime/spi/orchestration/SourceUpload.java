package io.paasruntime.spi.orchestration;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/** What a deploy brings: an artifact to unpack or an image to pull. */
public sealed interface SourceUpload {

    /**
     * A {@code .tar.gz} with a {@code Procfile} at its root.
     *
     * @param body     the gzip bytes; the orchestrator reads it once and does not close it
     * @param maxBytes the size limit; a larger body is refused with {@code INVALID} on field {@code body}
     */
    record Artifact(InputStream body, long maxBytes) implements SourceUpload {
        public Artifact {
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * A container image.
     *
     * @param processes process type → command (args of the container)
     */
    record Image(String image, Map<String, String> processes) implements SourceUpload {
        public Image {
            Objects.requireNonNull(image, "image");
            processes = Map.copyOf(processes);
        }
    }
}

package io.paasruntime.core.releases;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/** What a client asks to deploy. */
public sealed interface DeployRequest {
    Optional<String> description();

    /** A {@code .tar.gz} body with a Procfile. */
    record Artifact(InputStream body, Optional<String> description) implements DeployRequest {
    }

    /** A container image with process commands. */
    record Image(String image, Map<String, String> processes, Optional<String> description) implements DeployRequest {
    }
}

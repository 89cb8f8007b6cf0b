package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.paasruntime.spi.ProviderException;

/**
 * Turns Fabric8 failures into the SPI's {@link ProviderException}. Messages name the action and the
 * API's status code and reason; the client's own message is left out because it may quote request
 * URLs and bodies.
 */
final class KubernetesErrors {
    private KubernetesErrors() {
    }

    static ProviderException translate(String action, KubernetesClientException e) {
        int code = e.getCode();
        String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : "";
        String message = "Kubernetes API: could not " + action + (code > 0 ? " (HTTP " + code + ")" : "")
                + (reason.isBlank() ? "" : ": " + reason);
        return switch (code) {
            case -1, 0 -> ProviderException.unavailable("Kubernetes API unreachable: could not " + action, e);
            case 401, 403 -> ProviderException.unavailable(message
                    + "; check the runtime's service account and its RBAC rules", e);
            case 404 -> new ProviderException(ProviderException.Kind.NOT_FOUND, null, message, e);
            case 409 -> new ProviderException(ProviderException.Kind.CONFLICT, null, message, e);
            case 400, 422 -> new ProviderException(ProviderException.Kind.INVALID, null, message, e);
            default -> code >= 500 || code == 429
                    ? ProviderException.unavailable(message, e)
                    : ProviderException.internal(message, e);
        };
    }
}

package io.paasruntime.core.support;

import io.paasruntime.spi.identity.Principal;

import java.util.Objects;
import java.util.UUID;

/** Who is calling a use case, and the request it belongs to (for audit and error ids). */
public record Caller(Principal principal, String requestId) {
    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(requestId, "requestId");
    }

    public UUID tenantId() {
        return principal.tenantId();
    }

    /** How the caller is named in audit events and {@code created_by}: the email, else the subject. */
    public String actor() {
        return principal.email() != null ? principal.email() : principal.subject();
    }
}

package io.paasruntime.spi.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The caller a verified token speaks for.
 *
 * @param subject   the user id ({@code sub})
 * @param tenantId  the tenant every query is scoped to
 * @param email     the user's email, when the token carries it
 * @param roles     roles granted (may be empty)
 * @param tokenId   the token's {@code jti}, or a stable digest of the token when it has none
 * @param expiresAt the token's {@code exp}
 */
public record Principal(String subject, UUID tenantId, String email, Set<String> roles, String tokenId,
                        Instant expiresAt) {
    public Principal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        roles = Set.copyOf(roles);
    }
}

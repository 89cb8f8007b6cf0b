package io.paasruntime.local.identity;

import io.paasruntime.spi.ProviderException;

import java.time.Duration;
import java.util.Objects;

/**
 * What the tokens of this provider say and how long they live.
 *
 * @param issuer   the {@code iss} written and required
 * @param audience the {@code aud} written and required
 * @param ttl      lifetime of an issued token
 */
record TokenSettings(String issuer, String audience, Duration ttl) {
    TokenSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(ttl, "ttl");
        if (issuer.isBlank()) {
            throw ProviderException.invalid("identity.issuer", "identity.issuer must not be blank");
        }
        if (audience.isBlank()) {
            throw ProviderException.invalid("identity.audience", "identity.audience must not be blank");
        }
        if (ttl.toSeconds() < 1) {
            throw ProviderException.invalid("identity.token-ttl", "identity.token-ttl must be at least 1s");
        }
    }
}

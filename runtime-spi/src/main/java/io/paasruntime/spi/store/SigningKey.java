package io.paasruntime.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A token-signing key pair of the local identity provider, as a private JWK JSON document.
 * {@link #toString()} hides the key.
 */
public record SigningKey(String keyId, String privateJwk, Instant createdAt) {
    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(privateJwk, "privateJwk");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + ", " + createdAt + "]";
    }
}

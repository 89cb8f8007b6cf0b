package io.paasruntime.spi.identity;

import java.util.Objects;

/**
 * What a verifier needs to check tokens of this provider.
 *
 * @param issuer   the {@code iss} tokens carry
 * @param audience the {@code aud} tokens must carry
 * @param jwksJson the public keys as a JWK Set document ({@code {"keys":[…]}})
 */
public record IssuerInfo(String issuer, String audience, String jwksJson) {
    public IssuerInfo {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(jwksJson, "jwksJson");
    }
}

package io.paasruntime.cli.api;

import io.paasruntime.cli.json.JsonException;
import io.paasruntime.cli.json.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The claims of a JWT read locally, without checking its signature: only for showing who is
 * logged in; the server checks every token it receives.
 */
public record TokenClaims(Optional<String> email, Optional<String> tenant, Optional<Instant> expiresAt) {

    /** Decodes the payload; empty claims when the token is not a readable JWT (e.g. opaque). */
    public static TokenClaims decode(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return new TokenClaims(Optional.empty(), Optional.empty(), Optional.empty());
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            JsonNode claims = JsonNode.parse(json);
            long exp = claims.get("exp").asLong(-1);
            return new TokenClaims(text(claims.get("email")), tenant(claims),
                    exp < 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(exp)));
        } catch (IllegalArgumentException | JsonException e) {
            return new TokenClaims(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private static Optional<String> tenant(JsonNode claims) {
        Optional<String> tenant = text(claims.get("tenant"));
        return tenant.isPresent() ? tenant : text(claims.get("tenant_id"));
    }

    private static Optional<String> text(JsonNode node) {
        String s = node.isObject() || node.isArray() ? "" : node.text();
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}

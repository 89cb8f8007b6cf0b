package io.paasruntime.spi.identity;

import java.util.Objects;
import java.util.Optional;

/** An issued access token. {@link #toString()} hides the tokens. */
public record TokenGrant(String accessToken, String tokenType, long expiresInSeconds, Optional<String> refreshToken) {
    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
        return "TokenGrant[tokenType=" + tokenType + ", expiresInSeconds=" + expiresInSeconds + "]";
    }
}

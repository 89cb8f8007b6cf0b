package io.paasruntime.local.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.identity.TokenGrant;
import io.paasruntime.spi.store.User;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/** Issues RS256 access tokens for users. Thread-safe. */
final class TokenIssuer {
    /** The claim naming the caller's tenant. */
    static final String TENANT_CLAIM = "tenant";
    static final String EMAIL_CLAIM = "email";

    private final TokenSettings settings;
    private final SigningKeyRing keys;
    private final Clock clock;

    TokenIssuer(TokenSettings settings, SigningKeyRing keys, Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
    }

    TokenGrant issue(User user) {
        // JWT times are whole seconds; truncating keeps exp exactly iat + ttl.
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(user.id().toString())
                .claim(TENANT_CLAIM, user.tenantId().toString())
                .claim(EMAIL_CLAIM, user.email())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.ttl())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.keyId()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw ProviderException.internal("cannot sign the token", e);
        }
        return new TokenGrant(jwt.serialize(), "Bearer", settings.ttl().toSeconds(), Optional.empty());
    }
}

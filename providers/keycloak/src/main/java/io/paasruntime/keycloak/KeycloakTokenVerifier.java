package io.paasruntime.keycloak;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.identity.Principal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/**
 * Checks Keycloak access tokens: RS256 only (which shuts out {@code alg: none} and HMAC forgeries),
 * signed by one of the realm's keys, issued by the configured realm for the configured audience,
 * inside {@code nbf}/{@code exp} with {@link #CLOCK_SKEW}, an access token rather than an ID token,
 * and carrying a tenant id. Refusals say why in a few words and never echo the token. Thread-safe.
 */
final class KeycloakTokenVerifier {
    /** Tolerated difference between Keycloak's clock and ours. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** Far larger than any access token Keycloak issues; refusing early bounds the work junk input costs. */
    private static final int MAX_TOKEN_CHARS = 16_384;
    /** Keycloak's {@code typ} claim of access tokens; ID tokens say {@code ID} and must not pass as bearer tokens. */
    private static final String ACCESS_TOKEN_TYPE = "Bearer";

    private final KeycloakSettings settings;
    private final RealmKeys keys;
    private final Clock clock;

    KeycloakTokenVerifier(KeycloakSettings settings, RealmKeys keys, Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
    }

    Principal verify(String token) {
        if (token == null || token.isBlank()) {
            throw refused("missing token");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw refused("token too large");
        }
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                throw refused("token algorithm not accepted");
            }
            String kid = jwt.getHeader().getKeyID();
            JWSVerifier verifier = kid == null ? null : keys.verifier(kid).orElse(null);
            if (verifier == null) {
                throw refused("token signed by an unknown key");
            }
            if (!jwt.verify(verifier)) {
                throw refused("bad token signature");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ProviderException e) {
            throw e;
        } catch (ParseException | JOSEException | RuntimeException e) {
            // nimbus reports junk input in several ways; all of them mean the same to the caller.
            throw refused("malformed token");
        }
        return principal(claims, token);
    }

    private Principal principal(JWTClaimsSet claims, String token) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw refused("token has no expiry");
        }
        if (now.isAfter(exp.toInstant().plus(CLOCK_SKEW))) {
            throw refused("token expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(CLOCK_SKEW).isBefore(nbf.toInstant())) {
            throw refused("token not yet valid");
        }
        if (!settings.issuer().equals(claims.getIssuer())) {
            throw refused("wrong token issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(settings.audience())) {
            throw refused("wrong token audience");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw refused("token has no subject");
        }
        try {
            String type = claims.getStringClaim("typ");
            if (type != null && !ACCESS_TOKEN_TYPE.equalsIgnoreCase(type)) {
                throw refused("not an access token");
            }
            String tenant = claims.getStringClaim(settings.tenantClaim());
            if (tenant == null || tenant.isBlank()) {
                throw refused("token has no tenant");
            }
            String jti = claims.getJWTID();
            return new Principal(subject, UUID.fromString(tenant), claims.getStringClaim("email"), Set.of(),
                    jti != null ? jti : digest(token), exp.toInstant());
        } catch (ProviderException e) {
            throw e;
        } catch (ParseException | IllegalArgumentException e) {
            throw refused("malformed token claims");
        }
    }

    private static String digest(String token) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static ProviderException refused(String reason) {
        return ProviderException.unauthorized("invalid token: " + reason);
    }
}

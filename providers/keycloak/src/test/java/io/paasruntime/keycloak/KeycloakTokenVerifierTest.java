package io.paasruntime.keycloak;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.identity.Principal;
import io.paasruntime.tck.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The claim checks, on tokens signed here with a key the verifier trusts (no Keycloak needed). */
class KeycloakTokenVerifierTest {
    private static final String ISSUER = "http://127.0.0.1:8080/realms/paas";
    private final MutableClock clock = MutableClock.atNow();
    private final RSAKey key;
    private final KeycloakTokenVerifier verifier;
    private final UUID tenant = UUID.randomUUID();

    KeycloakTokenVerifierTest() throws JOSEException {
        key = new RSAKeyGenerator(2048).keyID("k1").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        String jwks = new JWKSet(key).toString(true);
        var settings = new KeycloakSettings("http://127.0.0.1:8080/", "paas", "paas-api", "s", "paas-admin", "s",
                "paas-api", "tenant_id", Duration.ofSeconds(10), Duration.ofMinutes(10));
        verifier = new KeycloakTokenVerifier(settings, new RealmKeys(() -> jwks, clock, Duration.ofMinutes(10)), clock);
    }

    private String token(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(java.util.List.of("paas-api", "account"))
                .subject(UUID.randomUUID().toString()).jwtID("jti-1").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).claim("typ", "Bearer")
                .claim("tenant_id", tenant.toString()).claim("email", "a@example.com");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), change.apply(claims).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED)).hasMessageContaining(reason);
    }

    @Test
    void aValidAccessTokenGivesItsSubjectTenantEmailAndExpiry() throws JOSEException {
        String token = token(c -> c.subject("user-1"));

        Principal principal = verifier.verify(token);

        assertThat(principal.subject()).isEqualTo("user-1");
        assertThat(principal.tenantId()).isEqualTo(tenant);
        assertThat(principal.email()).isEqualTo("a@example.com");
        assertThat(principal.tokenId()).isEqualTo("jti-1");
        assertThat(principal.expiresAt()).isEqualTo(clock.instant().plusSeconds(300));
    }

    @Test
    void expiryAndNotBeforeAllowThirtySecondsOfClockSkewAndNoMore() throws JOSEException {
        String token = token(c -> c.notBeforeTime(Date.from(clock.instant().plusSeconds(30))));
        assertThat(verifier.verify(token)).isNotNull();

        assertRefused(token(c -> c.notBeforeTime(Date.from(clock.instant().plusSeconds(31)))), "not yet valid");

        clock.advance(Duration.ofSeconds(330));
        assertThat(verifier.verify(token)).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertRefused(token, "expired");
    }

    @Test
    void claimsThatDoNotFitAreRefusedSayingWhich() throws JOSEException {
        assertRefused(token(c -> c.issuer("http://127.0.0.1:8080/realms/other")), "issuer");
        assertRefused(token(c -> c.audience("account")), "audience");
        assertRefused(token(c -> c.expirationTime(null)), "no expiry");
        assertRefused(token(c -> c.subject(null)), "no subject");
        assertRefused(token(c -> c.claim("typ", "ID")), "not an access token");
        assertRefused(token(c -> c.claim("tenant_id", null)), "no tenant");
        assertRefused(token(c -> c.claim("tenant_id", "acme")), "malformed token claims");
    }

    @Test
    void aTokenWithoutKeyIdIsRefused() throws Exception {
        SignedJWT noKid = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), SignedJWT.parse(token(c -> c))
                .getJWTClaimsSet());
        noKid.sign(new RSASSASigner(key));

        assertRefused(noKid.serialize(), "unknown key");
    }

    @Test
    void anOversizedTokenIsRefusedBeforeParsing() {
        assertRefused("a".repeat(20_000), "too large");
    }
}

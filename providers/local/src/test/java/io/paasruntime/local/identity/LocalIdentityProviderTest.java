package io.paasruntime.local.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.identity.Account;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.identity.Principal;
import io.paasruntime.spi.identity.SignupRequest;
import io.paasruntime.spi.identity.TokenGrant;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.tck.MutableClock;
import io.paasruntime.tck.store.InMemoryStateStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalIdentityProviderTest {
    private final MutableClock clock = MutableClock.atNow();
    private final StateStore store = new InMemoryStateStore();
    private final IdentityProvider provider = LocalIdentityProviders.create(store, clock);

    private Account signup(String email, String tenant) {
        return provider.signup(new SignupRequest(email, "correct horse battery", tenant));
    }

    @Test
    void issuedTokenCarriesEveryClaim() throws Exception {
        Account account = signup("ada@example.com", "acme");
        TokenGrant grant = provider.login("ada@example.com", "correct horse battery");

        SignedJWT jwt = SignedJWT.parse(grant.accessToken());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(SigningKeyRing.FIRST_KEY_ID);
        assertThat(claims.getIssuer()).isEqualTo("paas-runtime-local");
        assertThat(claims.getAudience()).containsExactly("paas-runtime");
        assertThat(claims.getSubject()).isEqualTo(account.userId().toString());
        assertThat(claims.getStringClaim("tenant")).isEqualTo(account.tenantId().toString());
        assertThat(claims.getStringClaim("email")).isEqualTo("ada@example.com");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(now);
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(now);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
        assertThat(grant.expiresInSeconds()).isEqualTo(3600);
        assertThat(grant.refreshToken()).isEmpty();
    }

    @Test
    void principalCarriesTheTokensFacts() throws Exception {
        Account account = signup("ada@example.com", "acme");
        String token = provider.login("ada@example.com", "correct horse battery").accessToken();

        Principal principal = provider.verify(token);

        assertThat(principal.email()).isEqualTo("ada@example.com");
        assertThat(principal.roles()).isEmpty();
        assertThat(principal.tokenId()).isEqualTo(SignedJWT.parse(token).getJWTClaimsSet().getJWTID());
        assertThat(principal.expiresAt()).isEqualTo(Instant.ofEpochSecond(clock.instant().getEpochSecond()).plusSeconds(3600));
        assertThat(account.tenantId()).isEqualTo(principal.tenantId());
    }

    @Test
    void signupStoresALowerCasedEmailAndTimeOrderedIds() {
        Account account = signup("  Ada@Example.COM ", "acme");

        assertThat(account.email()).isEqualTo("ada@example.com");
        assertThat(account.userId().version()).isEqualTo(7);
        assertThat(account.tenantId().version()).isEqualTo(7);
        assertThat(store.users().findById(account.userId()).orElseThrow().passwordHash().orElseThrow())
                .startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(store.tenants().findById(account.tenantId()).orElseThrow().name()).isEqualTo("acme");
    }

    @Test
    void takenTenantNameIsAConflictAndLeavesNoUserBehind() {
        signup("ada@example.com", "acme");

        assertThatThrownBy(() -> signup("bob@example.com", "acme")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONFLICT));
        assertThat(store.users().findByEmail("bob@example.com")).isEmpty();
    }

    @Test
    void takenEmailIsAConflictThatLeavesTheTenantNameFree() {
        signup("ada@example.com", "acme");

        assertThatThrownBy(() -> signup("ADA@example.com", "other")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONFLICT);
            assertThat(e.getMessage()).isEqualTo("an account with this email already exists");
        });
        assertThat(store.tenants().findByName("other")).isEmpty();
    }

    @Test
    void loginFailureMessageNamesNeitherCause() {
        signup("ada@example.com", "acme");

        assertThatThrownBy(() -> provider.login("ada@example.com", "wrong"))
                .hasMessage(LocalIdentityProvider.BAD_CREDENTIALS);
        assertThatThrownBy(() -> provider.login("nobody@example.com", "wrong"))
                .hasMessage(LocalIdentityProvider.BAD_CREDENTIALS);
    }

    @Test
    void restartedProviderOnTheSameStoreAcceptsOldTokens() {
        Account account = signup("ada@example.com", "acme");
        String token = provider.login("ada@example.com", "correct horse battery").accessToken();

        IdentityProvider restarted = LocalIdentityProviders.create(store, clock);

        assertThat(restarted.verify(token).subject()).isEqualTo(account.userId().toString());
        assertThat(restarted.issuer().jwksJson()).isEqualTo(provider.issuer().jwksJson());
        assertThat(store.signingKeys().list()).hasSize(1);
    }

    @Test
    void concurrentStartsOnAnEmptyStoreConvergeOnOneKey() throws Exception {
        StateStore empty = new InMemoryStateStore();
        var starts = java.util.stream.IntStream.range(0, 4).parallel()
                .mapToObj(i -> LocalIdentityProviders.create(empty, clock).issuer().jwksJson())
                .distinct().toList();

        assertThat(starts).hasSize(1);
        assertThat(empty.signingKeys().list()).hasSize(1);
    }

    @Test
    void toleratesThirtySecondsOfClockSkewAroundExpiry() {
        signup("ada@example.com", "acme");
        String token = provider.login("ada@example.com", "correct horse battery").accessToken();

        clock.advance(Duration.ofHours(1).plusSeconds(30));
        assertThat(provider.verify(token)).isNotNull();

        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> provider.verify(token)).hasMessage("invalid token: token expired");
    }

    @Test
    void refusesTokensNotYetValid() throws Exception {
        String token = signedWithStoredKey(c -> c.notBeforeTime(Date.from(clock.instant().plusSeconds(60))));

        assertThatThrownBy(() -> provider.verify(token)).hasMessage("invalid token: token not yet valid");
    }

    @Test
    void acceptsNotBeforeWithinTheSkew() throws Exception {
        String token = signedWithStoredKey(c -> c.notBeforeTime(Date.from(clock.instant().plusSeconds(20))));

        assertThat(provider.verify(token)).isNotNull();
    }

    @Test
    void refusesTokensWithMissingOrWrongClaims() throws Exception {
        assertRefused(c -> c.expirationTime(null), "invalid token: token has no expiry");
        assertRefused(c -> c.issuer("someone-else"), "invalid token: wrong token issuer");
        assertRefused(c -> c.audience((String) null), "invalid token: wrong token audience");
        assertRefused(c -> c.subject(null), "invalid token: token has no subject");
        assertRefused(c -> c.claim("tenant", null), "invalid token: token has no tenant");
        assertRefused(c -> c.claim("tenant", "not-a-uuid"), "invalid token: malformed token claims");
        assertRefused(c -> c.claim("tenant", 42), "invalid token: malformed token claims");
    }

    @Test
    void refusesUnknownKeyIdAndOtherRsaAlgorithms() throws Exception {
        RSAKey key = storedKey();
        JWTClaimsSet claims = validClaims().build();

        assertThatThrownBy(() -> provider.verify(sign(key, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("other").build(), claims)))
                .hasMessage("invalid token: token signed by an unknown key");
        assertThatThrownBy(() -> provider.verify(sign(key, new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims)))
                .hasMessage("invalid token: token signed by an unknown key");
        assertThatThrownBy(() -> provider.verify(sign(key, new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(key.getKeyID()).build(), claims)))
                .hasMessage("invalid token: token algorithm not accepted");
    }

    @Test
    void refusalsNeverEchoTheToken() {
        String junk = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzZWNyZXQtc3ViamVjdCJ9.";

        assertThatThrownBy(() -> provider.verify(junk)).isInstanceOf(ProviderException.class)
                .message().doesNotContain("secret-subject").doesNotContain(junk);
        assertThatThrownBy(() -> provider.verify("x".repeat(10_000))).hasMessage("invalid token: token too large");
    }

    private void assertRefused(UnaryOperator<JWTClaimsSet.Builder> change, String message) throws Exception {
        String token = signedWithStoredKey(change);
        assertThatThrownBy(() -> provider.verify(token)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private JWTClaimsSet.Builder validClaims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer("paas-runtime-local").audience("paas-runtime")
                .subject(UUID.randomUUID().toString()).claim("tenant", UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** A token signed with the provider's real key, with claims it would never issue. */
    private String signedWithStoredKey(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        RSAKey key = storedKey();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        return sign(key, header, change.apply(validClaims()).build());
    }

    private RSAKey storedKey() throws Exception {
        return RSAKey.parse(store.signingKeys().list().getFirst().privateJwk());
    }

    private static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

}

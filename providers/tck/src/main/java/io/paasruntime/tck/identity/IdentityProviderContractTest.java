package io.paasruntime.tck.identity;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.identity.Account;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.identity.Principal;
import io.paasruntime.spi.identity.SignupRequest;
import io.paasruntime.spi.identity.TokenGrant;
import io.paasruntime.tck.MutableClock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link IdentityProvider} must do: sign up, log in, and verify only the tokens it
 * issued, unchanged and unexpired, for its audience. Forged tokens (tampered, {@code alg: none},
 * HMAC with the public key, signed by another key) are built here with the JDK alone.
 */
public abstract class IdentityProviderContractTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** The clock the providers of this test read; the test moves it to expire tokens. */
    protected final MutableClock clock = MutableClock.atNow();
    private final List<IdentityProvider> opened = new ArrayList<>();
    private IdentityProvider provider;

    /**
     * A new provider reading time from {@code clock}. Each call must give an independent provider
     * with its own users and its own signing key.
     */
    protected abstract IdentityProvider newProvider(Clock clock);

    /**
     * A provider sharing {@code sibling}'s users and signing keys that issues tokens for
     * {@code audience} instead of the sibling's.
     */
    protected abstract IdentityProvider newProviderForAudience(IdentityProvider sibling, String audience, Clock clock);

    @BeforeEach
    void createProvider() {
        provider = open(newProvider(clock));
    }

    @AfterEach
    void closeProviders() {
        opened.forEach(IdentityProvider::close);
    }

    private IdentityProvider open(IdentityProvider p) {
        opened.add(p);
        return p;
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String uniqueTenant() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Account signup(IdentityProvider p, String email) {
        return p.signup(new SignupRequest(email, "correct horse battery", uniqueTenant()));
    }

    @Test
    void loginAfterSignupGivesATokenThatVerifiesToTheUserAndTenant() {
        String email = uniqueEmail();
        Account account = signup(provider, email);

        TokenGrant grant = provider.login(email, "correct horse battery");
        Principal principal = provider.verify(grant.accessToken());

        assertThat(account.email()).isEqualToIgnoringCase(email);
        assertThat(grant.tokenType()).isEqualTo("Bearer");
        assertThat(grant.expiresInSeconds()).isPositive();
        assertThat(principal.subject()).isEqualTo(account.userId().toString());
        assertThat(principal.tenantId()).isEqualTo(account.tenantId());
        assertThat(principal.expiresAt()).isAfter(clock.instant());
    }

    @Test
    void loginIgnoresTheCaseOfTheEmail() {
        String email = uniqueEmail();
        signup(provider, email);

        assertThat(provider.login(email.toUpperCase(Locale.ROOT), "correct horse battery").accessToken()).isNotBlank();
    }

    @Test
    void signupWithAnEmailTakenInAnotherCaseIsAConflict() {
        String email = uniqueEmail();
        signup(provider, email);

        assertKind(() -> signup(provider, email.toUpperCase(Locale.ROOT)), ProviderException.Kind.CONFLICT);
    }

    @Test
    void wrongPasswordAndUnknownEmailAreRefusedAlike() {
        String email = uniqueEmail();
        signup(provider, email);

        ProviderException wrongPassword = catchProviderException(() -> provider.login(email, "not the password"));
        ProviderException unknownEmail = catchProviderException(() -> provider.login(uniqueEmail(), "correct horse battery"));

        assertThat(wrongPassword.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
        assertThat(unknownEmail.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
        assertThat(unknownEmail.getMessage()).isEqualTo(wrongPassword.getMessage());
    }

    @Test
    void tamperedTokenIsRefused() {
        Account account = signup(provider, uniqueEmail());
        String token = provider.login(account.email(), "correct horse battery").accessToken();
        String[] parts = token.split("\\.");
        String payload = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8)
                .replace(account.userId().toString(), UUID.randomUUID().toString());
        String tampered = parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertUnauthorized(tampered);
    }

    @Test
    void tokenOfAnotherProviderIsRefused() {
        IdentityProvider other = open(newProvider(clock));
        Account account = signup(other, uniqueEmail());
        String foreign = other.login(account.email(), "correct horse battery").accessToken();

        assertUnauthorized(foreign);
    }

    @Test
    void tokenSignedByAnotherKeyUnderTheProvidersKeyIdIsRefused() throws GeneralSecurityException {
        String token = loginToken();
        String[] parts = token.split("\\.");
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId() + "\"}";
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        Signature rsa = Signature.getInstance("SHA256withRSA");
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa.initSign(generator.generateKeyPair().getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));

        assertUnauthorized(signingInput + "." + B64.encodeToString(rsa.sign()));
    }

    @Test
    void expiredTokenIsRefused() {
        TokenGrant grant = provider.login(signup(provider, uniqueEmail()).email(), "correct horse battery");

        clock.advance(Duration.ofSeconds(grant.expiresInSeconds()).plusMinutes(2));

        assertUnauthorized(grant.accessToken());
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        String payload = loginToken().split("\\.")[1];
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        assertUnauthorized(header + "." + payload + ".");
    }

    @Test
    void hmacTokenKeyedWithThePublicKeysIsRefused() throws GeneralSecurityException {
        String payload = loginToken().split("\\.")[1];
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId() + "\"}";
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + payload;
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(provider.issuer().jwksJson().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

        assertUnauthorized(signingInput + "." + B64.encodeToString(
                hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        Account account = signup(provider, uniqueEmail());
        IdentityProvider sibling = open(newProviderForAudience(provider, "some-other-service", clock));
        String token = sibling.login(account.email(), "correct horse battery").accessToken();

        assertThat(sibling.verify(token).subject()).isEqualTo(account.userId().toString());
        assertUnauthorized(token);
    }

    @Test
    void garbageIsRefused() {
        assertUnauthorized("");
        assertUnauthorized("not-a-token");
        assertUnauthorized("a.b.c");
    }

    @Test
    void issuerPublishesPublicKeysOnly() {
        String jwks = provider.issuer().jwksJson();

        assertThat(jwks).contains("\"keys\"").contains("\"n\"").contains("\"e\"");
        assertThat(jwks).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"q\"");
    }

    private String loginToken() {
        return provider.login(signup(provider, uniqueEmail()).email(), "correct horse battery").accessToken();
    }

    private String keyId() {
        Matcher kid = Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]+)\"").matcher(provider.issuer().jwksJson());
        assertThat(kid.find()).as("the JWKS names a kid").isTrue();
        return kid.group(1);
    }

    private void assertUnauthorized(String token) {
        assertKind(() -> provider.verify(token), ProviderException.Kind.UNAUTHORIZED);
    }

    private static void assertKind(ThrowingCallable call, ProviderException.Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }

    private static ProviderException catchProviderException(ThrowingCallable call) {
        try {
            call.call();
        } catch (ProviderException e) {
            return e;
        } catch (Throwable other) {
            throw new AssertionError("expected a ProviderException, got " + other, other);
        }
        throw new AssertionError("expected a ProviderException, nothing was thrown");
    }
}

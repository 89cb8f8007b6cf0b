package io.paasruntime.keycloak;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.tck.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealmKeysTest {
    private final MutableClock clock = MutableClock.atNow();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> served = new AtomicReference<>();
    private final AtomicReference<ProviderException> outage = new AtomicReference<>();
    private final RealmKeys keys = new RealmKeys(this::fetch, clock, Duration.ofMinutes(10));

    private String fetch() {
        fetches.incrementAndGet();
        if (outage.get() != null) {
            throw outage.get();
        }
        return served.get();
    }

    private static RSAKey signingKey(String kid) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
    }

    private void serve(RSAKey... keys) {
        served.set(new JWKSet(List.of(keys)).toString(true));
    }

    @Test
    void keysAreFetchedOnceAndReusedWhileFresh() throws JOSEException {
        serve(signingKey("a"));

        assertThat(keys.verifier("a")).isPresent();
        clock.advance(Duration.ofMinutes(9));
        assertThat(keys.verifier("a")).isPresent();

        assertThat(fetches).hasValue(1);
    }

    @Test
    void anUnknownKeyIdTriggersOneRefreshAtMostOncePerInterval() throws JOSEException {
        RSAKey a = signingKey("a");
        serve(a);
        keys.verifier("a");
        serve(a, signingKey("b"));

        assertThat(keys.verifier("b")).as("refused: keys fetched less than the interval ago").isEmpty();
        clock.advance(RealmKeys.MIN_REFRESH_INTERVAL);
        assertThat(keys.verifier("b")).isPresent();
        assertThat(keys.verifier("forged-1")).isEmpty();
        assertThat(keys.verifier("forged-2")).isEmpty();

        assertThat(fetches).as("initial fetch and one refresh; forged ids fetch nothing within the interval").hasValue(2);
    }

    @Test
    void keysAreFetchedAgainAfterTheCacheAgeAndKeptWhenThatFails() throws JOSEException {
        serve(signingKey("a"));
        keys.verifier("a");
        outage.set(ProviderException.unavailable("down", null));

        clock.advance(Duration.ofMinutes(10));

        assertThat(keys.verifier("a")).isPresent();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void withoutKeysAFailedFetchIsUnavailableAndIsNotRetriedWithinTheInterval() throws JOSEException {
        outage.set(ProviderException.unavailable("down", null));

        assertThatThrownBy(() -> keys.verifier("a")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE));
        assertThatThrownBy(() -> keys.verifier("a")).isInstanceOf(ProviderException.class);
        assertThat(fetches).hasValue(1);

        outage.set(null);
        serve(signingKey("a"));
        clock.advance(RealmKeys.MIN_REFRESH_INTERVAL);
        assertThat(keys.verifier("a")).isPresent();
    }

    @Test
    void onlyRs256SigningKeysAreUsedAndPublishedWithoutPrivateParts() throws JOSEException {
        RSAKey encryption = new RSAKeyGenerator(2048).keyID("enc").keyUse(KeyUse.ENCRYPTION).generate();
        RSAKey ps256 = new RSAKeyGenerator(2048).keyID("ps").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.PS256).generate();
        // A JWKS carrying private parts must not leak them through issuer().
        served.set(new JWKSet(List.of(signingKey("sig"), encryption, ps256)).toString(false));

        assertThat(keys.verifier("sig")).isPresent();
        assertThat(keys.verifier("enc")).isEmpty();
        assertThat(keys.verifier("ps")).isEmpty();
        assertThat(keys.publicJwks()).contains("\"sig\"").doesNotContain("\"enc\"").doesNotContain("\"d\"");
    }

    @Test
    void aDocumentThatIsNotAJwkSetIsAnInternalError() {
        served.set("<html>proxy error</html>");

        assertThatThrownBy(() -> keys.verifier("a")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INTERNAL));
    }
}

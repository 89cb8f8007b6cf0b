package io.paasruntime.core.secrets;

import io.paasruntime.core.CoreFixture;
import io.paasruntime.core.errors.InternalError;
import io.paasruntime.spi.store.SigningKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local identity provider's private signing keys are sealed in the store and plain to the provider. */
class SigningKeysAtRestTest {
    private static final String JWK = "{\"kty\":\"RSA\",\"kid\":\"local-1\",\"d\":\"private-exponent\"}";
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final CoreFixture core = new CoreFixture();

    @Test
    void aStoredKeyIsSealedUnderneathAndReadsBackPlain() {
        assertThat(core.store.signingKeys().insertIfAbsent(new SigningKey("local-1", JWK, NOW))).isTrue();

        assertThat(core.store.signingKeys().list()).containsExactly(new SigningKey("local-1", JWK, NOW));
        assertThat(core.stored.signingKeys().list()).singleElement().satisfies(k -> {
            assertThat(k.keyId()).isEqualTo("local-1");
            assertThat(k.privateJwk()).startsWith("enc:v1:").doesNotContain("private-exponent").doesNotContain("RSA");
        });
    }

    @Test
    void aKeyIdStaysUniqueAndAKeyStoredPlainBeforeSealingStillReads() {
        core.stored.signingKeys().insertIfAbsent(new SigningKey("legacy", JWK, NOW.minusSeconds(60)));

        assertThat(core.store.signingKeys().insertIfAbsent(new SigningKey("legacy", "{}", NOW))).isFalse();
        assertThat(core.store.signingKeys().list()).extracting(SigningKey::privateJwk).containsExactly(JWK);
    }

    @Test
    void aSealedKeyMovedToAnotherIdOrReadWithAnotherKeyIsAnInternalErrorNamingOnlyTheId() {
        core.store.signingKeys().insertIfAbsent(new SigningKey("local-1", JWK, NOW));
        SigningKey sealed = core.stored.signingKeys().list().getFirst();
        SealedConfigStore otherKey = new SealedConfigStore(core.stored,
                new ConfigSealer(new SecretCipher(CoreFixture.randomKey())));

        assertThatThrownBy(() -> otherKey.signingKeys().list()).isInstanceOf(InternalError.class)
                .hasMessageContaining("signing key local-1").hasMessageNotContaining("private-exponent");
        SigningKey moved = new SigningKey("local-2", sealed.privateJwk(), NOW);
        assertThatThrownBy(() -> SealedSigningKeys.open(core.key, moved)).isInstanceOf(InternalError.class);
        assertThat(SealedSigningKeys.open(core.key, sealed)).isEqualTo(JWK);
    }
}

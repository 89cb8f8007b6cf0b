package io.paasruntime.core.idempotency;

import io.paasruntime.core.CoreFixture;
import io.paasruntime.core.errors.Conflict;
import io.paasruntime.core.errors.InternalError;
import io.paasruntime.core.secrets.SecretCipher;
import io.paasruntime.spi.store.IdempotentResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Remembered answers hold secrets (tokens, DATABASE_URL) and their fingerprints cover passwords: neither is readable at rest. */
class IdempotencyAtRestTest {
    private static final String SCOPE = "addr:127.0.0.1";
    private static final String LOGIN = "POST /v1/auth/login?\n{\"email\":\"ada@example.com\",\"password\":\"correct-horse\"}";
    private static final String ANSWER = "{\"access_token\":\"eyJ-secret-token\",\"expires_in\":3600}";

    private final CoreFixture core = new CoreFixture();
    private final Idempotency idempotency = new Idempotency(core.store, core.clock, core.key);
    private final AtomicInteger handled = new AtomicInteger();

    private Idempotency.Answer login(Idempotency on, String fingerprint) {
        return on.once(SCOPE, "login-1", fingerprint, () -> {
            handled.incrementAndGet();
            return new Idempotency.Answer(200, ANSWER, false);
        });
    }

    private IdempotentResponse atRest() {
        return core.stored.idempotency().find(SCOPE, "login-1").orElseThrow();
    }

    @Test
    void theStoredAnswerIsSealedAndTheRetryGetsItPlain() {
        assertThat(login(idempotency, sha256(LOGIN))).isEqualTo(new Idempotency.Answer(200, ANSWER, false));

        Idempotency.Answer retry = login(idempotency, sha256(LOGIN));

        assertThat(retry).isEqualTo(new Idempotency.Answer(200, ANSWER, true));
        assertThat(handled).hasValue(1);
        assertThat(atRest().body()).startsWith("enc:v1:").doesNotContain("secret").doesNotContain("access_token");
    }

    @Test
    void theStoredFingerprintIsAKeyedDigestNotThePlainHashOfTheRequest() {
        login(idempotency, sha256(LOGIN));

        assertThat(atRest().fingerprint()).startsWith("hmac:v1:").doesNotContain(sha256(LOGIN));
        // the same request under another runtime key digests differently: no guessing without the key
        CoreFixture other = new CoreFixture();
        new Idempotency(other.store, other.clock, other.key).once(SCOPE, "login-1", sha256(LOGIN),
                () -> new Idempotency.Answer(200, ANSWER, false));
        assertThat(other.stored.idempotency().find(SCOPE, "login-1").orElseThrow().fingerprint())
                .isNotEqualTo(atRest().fingerprint());
    }

    @Test
    void theSameKeyWithAnotherRequestIsStillAConflict() {
        login(idempotency, sha256(LOGIN));

        assertThatThrownBy(() -> login(idempotency, sha256(LOGIN.replace("correct-horse", "wrong-guess"))))
                .isInstanceOf(Conflict.class).hasMessageContaining("already used for a different request");
        assertThat(handled).hasValue(1);
    }

    @Test
    void anAnswerStoredPlainBeforeSealingIsStillReplayedAndMatched() {
        core.stored.idempotency().insertIfAbsent(new IdempotentResponse(SCOPE, "login-1", sha256(LOGIN), 200, ANSWER,
                core.clock.instant()));

        assertThat(login(idempotency, sha256(LOGIN))).isEqualTo(new Idempotency.Answer(200, ANSWER, true));
        assertThatThrownBy(() -> login(idempotency, sha256("another request"))).isInstanceOf(Conflict.class);
        assertThat(handled).hasValue(0);
    }

    @Test
    void anAnswerSealedWithAnotherKeyIsAnInternalErrorNotAWrongAnswer() {
        login(idempotency, sha256(LOGIN));
        Idempotency otherKey = new Idempotency(core.store, core.clock, new SecretCipher(CoreFixture.randomKey()));

        // another key also digests the fingerprint differently, so the reuse looks like another request
        assertThatThrownBy(() -> login(otherKey, sha256(LOGIN))).isInstanceOf(Conflict.class);
        IdempotentResponse moved = atRest();
        core.stored.idempotency().deleteOlderThan(core.clock.instant().plusSeconds(1));
        core.stored.idempotency().insertIfAbsent(new IdempotentResponse(SCOPE, "login-1", sha256(LOGIN), 200,
                moved.body(), core.clock.instant()));
        assertThatThrownBy(() -> login(otherKey, sha256(LOGIN))).isInstanceOf(InternalError.class)
                .hasMessageContaining("does not decrypt").hasMessageNotContaining("secret");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

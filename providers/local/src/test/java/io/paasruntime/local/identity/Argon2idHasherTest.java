package io.paasruntime.local.identity;

import io.paasruntime.spi.ProviderException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Argon2idHasherTest {
    private final Argon2idHasher hasher = new Argon2idHasher(new Argon2Settings(1024, 1, 1));

    @Test
    void hashIsAPhcStringCarryingItsParameters() {
        String phc = hasher.hash("s3cret password");

        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void hashVerifiesItsPasswordOnly() {
        String phc = hasher.hash("s3cret password");

        assertThat(hasher.verify("s3cret password", phc)).isTrue();
        assertThat(hasher.verify("s3cret passworD", phc)).isFalse();
        assertThat(hasher.verify("", phc)).isFalse();
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void hashWrittenWithOtherParametersStillVerifies() {
        String phc = new Argon2idHasher(new Argon2Settings(2048, 2, 2)).hash("older cost");

        assertThat(phc).contains("$m=2048,t=2,p=2$");
        assertThat(hasher.verify("older cost", phc)).isTrue();
    }

    @Test
    void knownAnswerFromTheReferenceImplementation() {
        // Vectors of the Argon2 reference implementation's src/test.c: password "password", salt "somesalt".
        String phc64MiB = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        String phc256KiB = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";

        assertThat(hasher.verify("password", phc64MiB)).isTrue();
        assertThat(hasher.verify("password", phc256KiB)).isTrue();
        assertThat(hasher.verify("Password", phc256KiB)).isFalse();
    }

    @Test
    void malformedOrForeignHashesMatchNothing() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "plain-text")).isFalse();
        assertThat(hasher.verify("x", "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=16$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=99999999,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")).isFalse();
    }

    @Test
    void settingsBelowArgon2MinimumsAreRefused() {
        assertThatThrownBy(() -> new Argon2Settings(4, 1, 1)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("identity.argon2.memory-kib");
        assertThatThrownBy(() -> new Argon2Settings(1024, 0, 1)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("identity.argon2.iterations");
        assertThatThrownBy(() -> new Argon2Settings(1024, 1, 0)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("identity.argon2.parallelism");
    }
}

package io.paasruntime.core.secrets;

import io.paasruntime.core.CoreFixture;
import io.paasruntime.core.providers.ProviderSetupException;
import io.paasruntime.spi.store.App;
import io.paasruntime.spi.store.SigningKey;
import io.paasruntime.tck.store.InMemoryStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupKeyCheckTest {
    private final InMemoryStateStore stored = new InMemoryStateStore();
    private final UUID appId = UUID.randomUUID();
    @TempDir
    Path dataDir;

    private void anAppWithConfig(Map<String, String> atRest) {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        stored.apps().insert(new App(appId, UUID.randomUUID(), "hello", "local", now, now, Optional.empty(),
                Optional.empty()));
        stored.settings().replaceConfigVars(appId, atRest);
    }

    private void sealedWith(SecretCipher key) {
        anAppWithConfig(Map.of());
        new SealedConfigStore(stored, new ConfigSealer(key)).settings().replaceConfigVars(appId, Map.of("TOKEN", "t0k"));
    }

    @Test
    void aFreshStoreGetsANewKeyFile() {
        SecretCipher key = StartupKeyCheck.key(stored, Optional.empty(), dataDir);

        assertThat(dataDir.resolve(RuntimeKey.KEY_FILE)).exists();
        assertThat(RuntimeKey.existing(Optional.empty(), dataDir).orElseThrow().open(key.seal("x", new byte[0]), new byte[0]))
                .isEqualTo("x");
    }

    @Test
    void plainValuesFromBeforeEncryptionNeedNoKeyAndGetANewOne() {
        anAppWithConfig(Map.of("LEGACY", "plain-old"));

        StartupKeyCheck.key(stored, Optional.empty(), dataDir);

        assertThat(dataDir.resolve(RuntimeKey.KEY_FILE)).exists();
    }

    @Test
    void sealedValuesWithTheKeyFileGoneStopTheStartWithoutMakingANewKey() {
        sealedWith(new SecretCipher(CoreFixture.randomKey()));

        assertThatThrownBy(() -> StartupKeyCheck.key(stored, Optional.empty(), dataDir))
                .isInstanceOf(ProviderSetupException.class)
                .hasMessageContaining(RuntimeKey.KEY_FILE).hasMessageContaining("missing")
                .hasMessageNotContaining("t0k");
        assertThat(dataDir.resolve(RuntimeKey.KEY_FILE)).doesNotExist();
    }

    @Test
    void sealedValuesWithAnotherKeyStopTheStart() {
        sealedWith(new SecretCipher(CoreFixture.randomKey()));
        RuntimeKey.load(Optional.empty(), dataDir);

        assertThatThrownBy(() -> StartupKeyCheck.key(stored, Optional.empty(), dataDir))
                .isInstanceOf(ProviderSetupException.class)
                .hasMessageContaining("TOKEN").hasMessageContaining("do not decrypt");
        assertThatThrownBy(() -> StartupKeyCheck.key(stored, Optional.of(Base64.getEncoder().encodeToString(new byte[32])),
                dataDir)).isInstanceOf(ProviderSetupException.class).hasMessageContaining(RuntimeKey.SETTING);
    }

    @Test
    void sealedValuesWithTheirKeyStartAndRead() throws IOException {
        SecretCipher original = RuntimeKey.load(Optional.empty(), dataDir);
        sealedWith(original);
        String keyText = Files.readString(dataDir.resolve(RuntimeKey.KEY_FILE)).strip();

        SecretCipher fromFile = StartupKeyCheck.key(stored, Optional.empty(), dataDir);
        Files.delete(dataDir.resolve(RuntimeKey.KEY_FILE));
        SecretCipher configured = StartupKeyCheck.key(stored, Optional.of(keyText), dataDir);

        for (SecretCipher key : new SecretCipher[] {fromFile, configured}) {
            assertThat(new SealedConfigStore(stored, new ConfigSealer(key)).settings().configVars(appId))
                    .containsExactly(Map.entry("TOKEN", "t0k"));
        }
    }

    @Test
    void aSealedSigningKeyAloneWithTheKeyFileGoneStopsTheStart() {
        new SealedConfigStore(stored, new ConfigSealer(new SecretCipher(CoreFixture.randomKey()))).signingKeys()
                .insertIfAbsent(new SigningKey("local-1", "{\"kty\":\"RSA\",\"d\":\"private\"}", Instant.now()));

        assertThatThrownBy(() -> StartupKeyCheck.key(stored, Optional.empty(), dataDir))
                .isInstanceOf(ProviderSetupException.class)
                .hasMessageContaining("signing keys").hasMessageContaining("missing").hasMessageNotContaining("private");
        assertThat(dataDir.resolve(RuntimeKey.KEY_FILE)).doesNotExist();
        RuntimeKey.load(Optional.empty(), dataDir);
        assertThatThrownBy(() -> StartupKeyCheck.key(stored, Optional.empty(), dataDir))
                .isInstanceOf(ProviderSetupException.class)
                .hasMessageContaining("signing key local-1").hasMessageContaining("do not decrypt");
    }
}

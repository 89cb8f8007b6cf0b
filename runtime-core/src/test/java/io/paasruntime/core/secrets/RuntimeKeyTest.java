package io.paasruntime.core.secrets;

import io.paasruntime.core.providers.ProviderSetupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeKeyTest {
    private static final byte[] OWNER = "owner".getBytes(StandardCharsets.UTF_8);
    @TempDir
    Path dataDir;

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReused() throws IOException {
        String sealed = RuntimeKey.load(Optional.empty(), dataDir).seal("s3cret", OWNER);
        Path file = dataDir.resolve(RuntimeKey.KEY_FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(RuntimeKey.load(Optional.empty(), dataDir).open(sealed, OWNER)).isEqualTo("s3cret");
        try (var entries = Files.list(dataDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(RuntimeKey.KEY_FILE);
        }
    }

    @Test
    void noExistingKeyIsNotCreatedByAsking() {
        assertThat(RuntimeKey.existing(Optional.empty(), dataDir)).isEmpty();
        assertThat(dataDir.resolve(RuntimeKey.KEY_FILE)).doesNotExist();
    }

    @Test
    void aKeyFileReadableByOthersIsMadeOwnerOnly() throws IOException {
        RuntimeKey.load(Optional.empty(), dataDir);
        Path file = dataDir.resolve(RuntimeKey.KEY_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        RuntimeKey.load(Optional.empty(), dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyIsUsedInsteadOfTheFile() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        String sealed = RuntimeKey.load(Optional.of(key), dataDir).seal("s3cret", OWNER);

        assertThat(new SecretCipher(new byte[32]).open(sealed, OWNER)).isEqualTo("s3cret");
        assertThat(dataDir.resolve(RuntimeKey.KEY_FILE)).doesNotExist();
    }

    @Test
    void aBadConfiguredKeyIsRefusedWithoutEchoingIt() {
        for (String bad : new String[] {"not base64 !!", Base64.getEncoder().encodeToString(new byte[16])}) {
            assertThatThrownBy(() -> RuntimeKey.load(Optional.of(bad), dataDir))
                    .isInstanceOf(ProviderSetupException.class)
                    .hasMessageContaining("addons.encryption-key")
                    .hasMessageNotContaining(bad);
        }
    }

    @Test
    void aBadKeyFileIsRefused() throws IOException {
        Files.writeString(dataDir.resolve(RuntimeKey.KEY_FILE), "short\n");

        assertThatThrownBy(() -> RuntimeKey.load(Optional.empty(), dataDir))
                .isInstanceOf(ProviderSetupException.class)
                .hasMessageContaining(RuntimeKey.KEY_FILE);
    }
}

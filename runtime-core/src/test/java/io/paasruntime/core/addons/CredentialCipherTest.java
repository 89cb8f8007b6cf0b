package io.paasruntime.core.addons;

import io.paasruntime.core.providers.ProviderSetupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {
    private static final String URL = "postgres://addon_1:s3cret-pw@127.0.0.1:5432/addon_1";
    @TempDir
    Path dataDir;

    @Test
    void sealedValuesOpenOnlyForTheirAddonWithTheirKey() {
        CredentialCipher cipher = CredentialCipher.load(Optional.empty(), dataDir);
        UUID addon = UUID.randomUUID();

        String sealed = cipher.seal(URL, addon);

        assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
        assertThat(cipher.seal(URL, addon)).as("fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, addon)).isEqualTo(URL);
        assertThatThrownBy(() -> cipher.open(sealed, UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialCipher(new byte[32]).open(sealed, addon))
                .isInstanceOf(IllegalArgumentException.class);
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.open(tampered, addon)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReused() throws IOException {
        UUID addon = UUID.randomUUID();
        String sealed = CredentialCipher.load(Optional.empty(), dataDir).seal(URL, addon);
        Path file = dataDir.resolve(CredentialCipher.KEY_FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(CredentialCipher.load(Optional.empty(), dataDir).open(sealed, addon)).isEqualTo(URL);
        try (var entries = Files.list(dataDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(CredentialCipher.KEY_FILE);
        }
    }

    @Test
    void aKeyFileReadableByOthersIsMadeOwnerOnly() throws IOException {
        CredentialCipher.load(Optional.empty(), dataDir);
        Path file = dataDir.resolve(CredentialCipher.KEY_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        CredentialCipher.load(Optional.empty(), dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyIsUsedInsteadOfTheFile() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        UUID addon = UUID.randomUUID();

        String sealed = CredentialCipher.load(Optional.of(key), dataDir).seal(URL, addon);

        assertThat(new CredentialCipher(new byte[32]).open(sealed, addon)).isEqualTo(URL);
        assertThat(dataDir.resolve(CredentialCipher.KEY_FILE)).doesNotExist();
    }

    @Test
    void aBadConfiguredKeyIsRefusedWithoutEchoingIt() {
        for (String bad : new String[] {"not base64 !!", Base64.getEncoder().encodeToString(new byte[16])}) {
            assertThatThrownBy(() -> CredentialCipher.load(Optional.of(bad), dataDir))
                    .isInstanceOf(ProviderSetupException.class)
                    .hasMessageContaining("addons.encryption-key")
                    .hasMessageNotContaining(bad);
        }
    }
}

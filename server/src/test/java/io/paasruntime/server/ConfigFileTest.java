package io.paasruntime.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void nestedYamlBecomesFlatSectionKeys() throws IOException {
        Path file = dir.resolve("runtime.yaml");
        Files.writeString(file, """
                identity:
                  provider: local
                  token-ttl: 15m
                  argon2:
                    memory-kib: 1024
                server:
                  rate-limit:
                    authenticated: 100
                """);
        assertThat(ConfigFile.load(file)).containsEntry("identity.provider", "local")
                .containsEntry("identity.token-ttl", "15m")
                .containsEntry("identity.argon2.memory-kib", "1024")
                .containsEntry("server.rate-limit.authenticated", "100")
                .hasSize(4);
    }

    @Test
    void aMissingOrBrokenFileIsReportedByName() throws IOException {
        assertThatThrownBy(() -> ConfigFile.load(dir.resolve("absent.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent.yaml");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "identity: [unclosed\n");
        assertThatThrownBy(() -> ConfigFile.load(broken))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken.yaml");
    }
}

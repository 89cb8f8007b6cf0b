package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 2's acceptance: the example provider, built as its own jar and not on the server's class
 * path, is picked up from the providers folder and serves the port the config names — no rebuild
 * of the server. Without the jar, start-up fails naming the ids it found.
 */
class DroppedInProviderTest {
    private static final Map<String, String> LOADAVG = Map.of("metrics.provider", "loadavg");

    @TempDir
    Path dir;

    @Test
    void theExampleJarInTheProvidersFolderServesMetrics() throws Exception {
        Path providers = Files.createDirectory(dir.resolve("providers"));
        Path jar = exampleProviderJar();
        Files.copy(jar, providers.resolve(jar.getFileName()));

        try (TestServer api = TestServer.start(options(providers))) {
            JsonNode health = api.get("/v1/healthz", null).json();
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.at("/providers/metrics").asText()).isEqualTo("loadavg");
            assertThat(health.at("/providers/identity").asText()).as("the other ports keep their defaults").isEqualTo("local");

            String token = api.signupAndLogin("drop@example.com", "drop-pw-123", "droppers");
            assertThat(api.post("/v1/apps", token, "{\"name\":\"loaded\"}").status()).isEqualTo(201);
            JsonNode cpu = api.get("/v1/apps/loaded/metrics?kind=cpu&range=1h", token).json();
            assertThat(cpu.get("kind").asText()).isEqualTo("cpu");
            assertThat(cpu.get("series").findValuesAsText("process")).containsExactly("host");
            assertThat(cpu.at("/series/0/points")).as("the 1, 5 and 15 minute load averages").hasSize(3);
        }
    }

    @Test
    void withoutTheJarStartUpFailsNamingTheIdsFoundAndLeavesNothingRunning() throws Exception {
        Path emptyProviders = Files.createDirectory(dir.resolve("providers"));

        assertThatThrownBy(() -> TestServer.start(options(emptyProviders)))
                .hasMessageContaining("unknown metrics provider 'loadavg'; found: ")
                .hasMessageContaining("local");

        assertThat(ProcTable.under(dir.resolve("data"))).as("the embedded PostgreSQL is stopped again").isEmpty();
    }

    private ServerOptions options(Path providers) {
        return new ServerOptions("127.0.0.1", 0, dir.resolve("data"), Optional.of(providers), LOADAVG, Map.of(),
                Clock.systemUTC());
    }

    /** The jar {@code examples/provider-example} builds; that module comes before {@code server} in the reactor. */
    private static Path exampleProviderJar() throws IOException {
        Path target = Path.of("../examples/provider-example/target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "provider-example-*.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            }
        }
        throw new AssertionError("no provider-example-*.jar in " + target.toAbsolutePath().normalize()
                + ": build it first with mvn -pl examples/provider-example package");
    }
}

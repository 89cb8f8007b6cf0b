package io.paasruntime.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An outside linter, Redocly CLI with its recommended rules, finds no error in the served document. */
class RedoclyLintTest {
    @TempDir
    static Path dataDir;
    static TestServer api;

    @BeforeAll
    static void start() throws Exception {
        OpenApiNodeTools.install();
        api = TestServer.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** The documents are also left in {@code target/openapi/} to read. */
    private static final Path OUT = Path.of("target/openapi");

    @Test
    void theServedJsonDocumentPassesRedoclyLint() throws Exception {
        assertLintPasses(OUT.resolve("openapi.json"), api.get("/v1/openapi.json", null).body());
    }

    @Test
    void theServedYamlDocumentPassesRedoclyLint() throws Exception {
        assertLintPasses(OUT.resolve("openapi.yaml"), api.get("/v1/openapi.yaml", null).body());
    }

    private static void assertLintPasses(Path file, String document) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, document);
        OpenApiNodeTools.Result lint = OpenApiNodeTools.run(List.of("node_modules/.bin/redocly", "lint",
                "--config", "redocly.yaml", "--format", "stylish", file.toAbsolutePath().toString()), 120);
        System.out.println("redocly lint " + file.getFileName() + ":\n" + lint.output());
        assertThat(lint.exitCode()).as(lint.output()).isZero();
    }
}

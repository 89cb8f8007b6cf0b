package io.paasruntime.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Node tools of the OpenAPI tests, pinned in {@code src/test/openapi/package.json} and installed
 * there with {@code npm ci} on first use (the folder's {@code node_modules} is git-ignored).
 */
final class OpenApiNodeTools {
    static final Path DIR = Path.of("src/test/openapi").toAbsolutePath();

    private OpenApiNodeTools() {
    }

    /** Installs the pinned tools unless they are already there. */
    static synchronized void install() throws IOException, InterruptedException {
        if (Files.isRegularFile(DIR.resolve("node_modules/@redocly/cli/package.json"))
                && Files.isRegularFile(DIR.resolve("node_modules/playwright-core/package.json"))) {
            return;
        }
        Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        assertThat(npm.exitCode()).as("npm ci in %s (is Node.js installed? .ci/run installs it):%n%s", DIR, npm.output())
                .isZero();
    }

    /** What a command printed (stdout and stderr together) and how it ended. */
    record Result(int exitCode, String output) {
    }

    /** Runs {@code command} in {@link #DIR} with telemetry and update checks off. */
    static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(DIR.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("REDOCLY_TELEMETRY", "off");
        env.put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        env.put("NO_COLOR", "1");
        Process process = builder.start();
        Path log = Files.createTempFile("openapi-tool", ".log");
        try {
            // read on another thread, so a chatty tool cannot block on a full pipe
            Thread reader = Thread.ofVirtual().start(() -> {
                try (var in = process.getInputStream()) {
                    Files.write(log, in.readAllBytes());
                } catch (IOException e) {
                    // the process died; its exit code says so
                }
            });
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
            }
            reader.join(5_000);
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

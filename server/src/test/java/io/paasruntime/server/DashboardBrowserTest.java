package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 10's acceptance: the dashboard in Debian's headless Chromium, driven by playwright-core
 * ({@code src/test/browser/dashboard.spec.mjs}) against the real server with the local providers. The
 * script signs up, creates an app, deploys the example app, and checks on the page its processes, a
 * log line, the charts, a rollback and the deletion; it writes screenshots to {@code target/screenshots}.
 * A missing browser, Node.js or playwright-core fails the test with what to install: it is never skipped.
 */
class DashboardBrowserTest {
    private static final Path BROWSER_TEST = Path.of("src/test/browser");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Duration NPM_DEADLINE = Duration.ofMinutes(5);
    private static final Duration WALK_DEADLINE = Duration.ofMinutes(5);

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    @Test
    void aUserDrivesAnAppThroughItsWholeLifeInTheDashboard() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Chromium at %s (Debian's package: apt-get install -y chromium; .ci/run installs it, CHROMIUM=path overrides)", CHROMIUM)
                .isTrue();
        installPlaywright();
        // the apps run as another user, who must be able to pass through the data directory
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx--x--x"));
        Path tarball = helloArtifact();

        try (TestServer server = TestServer.start(dataDir, Map.of("metrics.interval", "1s"))) {
            Run walk = run(List.of("node", "dashboard.spec.mjs", server.server().baseUri().toString(), tarball.toString(),
                    SCREENSHOTS.toAbsolutePath().toString()), WALK_DEADLINE);
            System.out.println(walk.output());

            assertThat(walk.exitCode()).as("the browser walk failed:%n%s", walk.output()).isZero();
            assertThat(walk.output()).contains("# all ").doesNotContain("not ok");
        }
        assertThat(SCREENSHOTS.resolve("apps-desktop.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("app-phone.png")).isNotEmptyFile();
    }

    @Test
    void theDashboardsLogStreamParserAndChartDataPassTheirUnitTests() throws Exception {
        Run unit = run(List.of("node", "--test", "dashboard-modules.test.mjs"), Duration.ofMinutes(1));
        System.out.println(unit.output());

        assertThat(unit.exitCode()).as("node --test failed:%n%s", unit.output()).isZero();
        assertThat(unit.output()).contains("# fail 0").doesNotContain("# pass 0");
    }

    /** {@code npm ci} into the git-ignored node_modules when playwright-core is missing or not the pinned version. */
    private void installPlaywright() throws Exception {
        String pinned = TestServer.JSON.readTree(BROWSER_TEST.resolve("package.json").toFile())
                .at("/dependencies/playwright-core").asText();
        Path installed = BROWSER_TEST.resolve("node_modules/playwright-core/package.json");
        if (Files.exists(installed) && pinned.equals(version(installed))) {
            return;
        }
        Run npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), NPM_DEADLINE);
        assertThat(npm.exitCode()).as("npm ci of playwright-core %s in %s failed:%n%s", pinned, BROWSER_TEST, npm.output())
                .isZero();
        assertThat(version(installed)).as("installed playwright-core").isEqualTo(pinned);
    }

    private static String version(Path packageJson) throws IOException {
        JsonNode json = TestServer.JSON.readTree(packageJson.toFile());
        return json.path("version").asText();
    }

    private Path helloArtifact() throws Exception {
        Path tarball = work.resolve("hello.tar.gz");
        Run tar = run(List.of("tar", "-czf", tarball.toString(), "-C", Path.of("../examples/apps/hello").toAbsolutePath().toString(), "."),
                Duration.ofSeconds(30));
        assertThat(tar.exitCode()).as(tar.output()).isZero();
        return tarball;
    }

    /** Runs a command in the browser test's folder, output (both streams) into a file; kills its tree at the deadline. */
    private Run run(List<String> command, Duration deadline) throws Exception {
        Path log = Files.createTempFile(work, "run", ".log");
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(BROWSER_TEST.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("CHROMIUM", CHROMIUM.toString());
            process = builder.start();
        } catch (IOException e) {
            return fail("cannot run %s (%s): install Node.js and npm (Debian: apt-get install -y nodejs npm; .ci/run does it)",
                    command.getFirst(), e.getMessage());
        }
        try {
            if (!process.waitFor(deadline.toSeconds(), TimeUnit.SECONDS)) {
                return fail("%s did not finish within %d s; its output:%n%s", String.join(" ", command),
                        deadline.toSeconds(), Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // Chromium, if the walk was cut short
            process.destroyForcibly();
        }
    }

    private record Run(int exitCode, String output) {
    }
}

package io.paasruntime.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as an operator meets it: bad flags and bad config end the process with one clear line. */
class MainTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownFlagPrintsUsageAndExits2() throws Exception {
        Result r = run("--prot", "8080");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("unknown option: --prot").contains("usage: paas-runtime");
    }

    @Test
    void aBadPortPrintsUsageAndExits2() throws Exception {
        Result r = run("--port", "eighty");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("--port must be a number");
    }

    @Test
    void anUnknownProviderEndsStartUpWithOneLineAndExit1() throws Exception {
        Path config = dir.resolve("runtime.yaml");
        Files.writeString(config, "store:\n  provider: no-such-store\n");
        Result r = run("--port", "0", "--data-dir", dir.resolve("data").toString(), "--config", config.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = r.stderr().lines().filter(l -> l.startsWith("paas-runtime:")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).contains("cannot start").contains("no-such-store");
        assertThat(r.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aMissingConfigFileEndsStartUpWithExit1() throws Exception {
        Result r = run("--port", "0", "--data-dir", dir.resolve("data").toString(), "--config", dir.resolve("nope.yaml").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("nope.yaml").doesNotContain("\tat ");
    }

    @Test
    void aTakenPortEndsStartUpWithOneLineAndExit1() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Result r = run("--port", Integer.toString(taken.getLocalPort()), "--data-dir", dir.resolve("data").toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.stderr()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).doesNotContain("\tat ");
            assertThat(r.stdout()).doesNotContain("listening");
        }
    }

    @Test
    void startsPrintsItsAddressAndStopsCleanlyOnSigterm() throws Exception {
        Path data = dir.resolve("data");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0", "--data-dir",
                data.toString()));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).as(Files.readString(dir.resolve("err.txt"))).matches("PaaS Runtime listening on http://127\\.0\\.0\\.1:\\d+");
            assertThat(out.readLine()).contains("POST /v1/signup").contains("POST /v1/auth/login");
            java.net.URI base = java.net.URI.create(first.substring(first.indexOf("http://")));
            var health = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(base.resolve("/v1/healthz")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        } finally {
            process.destroyForcibly();
        }
        try (var files = Files.walk(data)) {
            assertThat(files.filter(f -> f.getFileName().toString().equals("postmaster.pid")).toList())
                    .as("the embedded PostgreSQL was stopped").isEmpty();
        }
    }

    record Result(int exit, String stdout, String stderr) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process ends").isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}

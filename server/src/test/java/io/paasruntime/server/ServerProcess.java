package io.paasruntime.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as an operator runs it: {@link Main} in its own JVM (the test classpath, so no packaged
 * jar is needed), so a test can SIGKILL it as a crash would and start it again on the same data directory.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("PaaS Runtime listening on (\\S+)");

    private static String classPath;

    private final Process process;
    private final Path log;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /**
     * Starts {@code paas-runtime --port 0 --data-dir dataDir}, its output going to {@code log} (a new
     * file per start), and waits for its "listening on" line. {@code env} adds settings as
     * {@code RUNTIME_<SECTION>_<KEY>} variables.
     */
    static ServerProcess start(Path dataDir, Path log, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-cp", classPath(), Main.class.getName(),
                "--port", "0", "--data-dir", dataDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        URI base = Await.until(Duration.ofSeconds(120), "the server's 'listening on' line", () -> {
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the server ended with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            return null;
        });
        return new ServerProcess(process, log, base);
    }

    /**
     * The test class path with its directories ({@code target/classes}, {@code target/test-classes})
     * copied once: the JVM loads classes lazily, and a build of this module running meanwhile would
     * otherwise pull them away from under a server started minutes into the test.
     */
    private static synchronized String classPath() throws IOException {
        if (classPath == null) {
            Path copies = Files.createTempDirectory("paas-server-classes");
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path path = Path.of(entry);
                if (Files.isDirectory(path)) {
                    Path copy = copies.resolve(Integer.toString(n++));
                    copyTree(path, copy);
                    entries.add(copy.toString());
                } else {
                    entries.add(entry);
                }
            }
            classPath = String.join(java.io.File.pathSeparator, entries);
        }
        return classPath;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the killed server is gone").isTrue();
    }

    /** SIGTERM, as an operator's stop: the shutdown hook stops the apps; answers the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the server stops within 90 s").isTrue();
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    TestServer.Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    TestServer.Response post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    TestServer.Response patch(String path, String token, String json) {
        return send("PATCH", path, token, json);
    }

    TestServer.Response send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    TestServer.Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new TestServer.Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** Stops a server a failed test left running the way an operator would, so its apps stop with it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

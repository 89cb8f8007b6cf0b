package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's bad inputs over HTTP on the local orchestrator: each refused with the right status and
 * field, the app left without a release, and nothing written outside the orchestrator's folder or
 * the release directory.
 */
class DeployBadInputTest {
    private static final String PROCFILE = "web: python3 -m http.server $PORT\n";
    private static final long MAX_ARTIFACT = 4096;

    @TempDir
    static Path dir;
    static Path dataDir;
    static Path outside;
    static TestServer api;
    static String token;

    @BeforeAll
    static void start() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        dataDir = Files.createDirectory(dir.resolve("data"));
        outside = Files.createDirectory(dir.resolve("outside"));
        api = TestServer.start(dataDir, Map.of("deploys.max-artifact-bytes", Long.toString(MAX_ARTIFACT)));
        token = api.signupAndLogin("bad-deploys@example.com", "bad-deploys-pw", "baddies");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aBodyThatIsNotGzipIsRefusedNamingTheBody() {
        String app = app("not-gzip");
        TestServer.Response r = deploy(app, "this is not a tarball".getBytes(StandardCharsets.UTF_8)).assertInvalid("body");
        assertThat(r.json().at("/error/message").asText()).contains("gzip");
        assertNoRelease(app);
    }

    @Test
    void aTarballSentWithoutItsMediaTypeIsRefusedNamingContentType() throws Exception {
        String app = app("form-data");
        byte[] tgz = tar(stage("form-data", Map.of("Procfile", PROCFILE)), "-czf", "Procfile");
        TestServer.Response r = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/v1/apps/" + app + "/deploys"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(tgz)).build()).assertInvalid("Content-Type");
        assertThat(r.json().at("/error/message").asText())
                .contains("Content-Type: application/gzip", "this request says application/x-www-form-urlencoded");
        assertNoRelease(app);
    }

    @Test
    void aTarballWithoutProcfileIsRefused() throws Exception {
        String app = app("no-procfile");
        Path stage = stage("no-procfile", Map.of("server.py", "print('hi')\n"));
        deploy(app, tar(stage, "-czf", "server.py")).assertInvalid("Procfile");
        assertNoRelease(app);
    }

    @Test
    void aProcfileWithoutAValidLineIsRefused() throws Exception {
        String app = app("bad-procfile");
        Path stage = stage("bad-procfile", Map.of("Procfile", "# nothing here\nthis is not a process line\n: no type\n"));
        TestServer.Response r = deploy(app, tar(stage, "-czf", "Procfile")).assertInvalid("Procfile");
        assertThat(r.json().at("/error/message").asText()).contains("no valid line");
        assertNoRelease(app);
    }

    @Test
    void pathTraversalEntriesAreRefusedAndNothingIsWrittenOutside() throws Exception {
        String app = app("traversal");
        Path stage = stage("traversal", Map.of("Procfile", PROCFILE, "evil", "evil\n"));
        Path absolute = outside.resolve("absolute-evil");

        byte[] dotDot = tar(stage, "-czPf", "Procfile", "--transform", "s,^evil$,../x,", "evil");
        byte[] absoluteName = tar(stage, "-czPf", "Procfile", "--transform", "s,^evil$," + absolute + ",", "evil");
        byte[] nestedDotDot = tar(stage, "-czPf", "Procfile", "--transform", "s,^evil$,lib/../../../x,", "evil");
        Files.createSymbolicLink(stage.resolve("escape"), outside);
        byte[] linkOut = tar(stage, "-czPf", "Procfile", "escape");
        byte[] writeThroughLink = linkThenFileThroughIt(stage);
        Set<Path> storedBefore = storedArtifacts();

        for (byte[] body : List.of(dotDot, absoluteName, nestedDotDot, linkOut, writeThroughLink)) {
            TestServer.Response r = deploy(app, body).assertInvalid("body");
            assertThat(r.json().at("/error/message").asText()).contains("unsafe path");
        }

        assertNoRelease(app);
        try (Stream<Path> written = Files.list(outside)) {
            assertThat(written).as("files in the symlinks' and absolute path's target").isEmpty();
        }
        assertThat(namedAnywhere(dataDir, Set.of("x", "evil", "absolute-evil"))).as("escaped files").isEmpty();
        assertThat(storedArtifacts()).as("no refused artifact is kept").isEqualTo(storedBefore);
    }

    @Test
    void anArtifactOverTheLimitIsRefusedAsTooLarge() throws Exception {
        String app = app("too-big");
        byte[] noise = new byte[(int) MAX_ARTIFACT * 2];
        new Random(42).nextBytes(noise); // incompressible, so the .tar.gz stays over the limit
        Path stage = stage("too-big", Map.of("Procfile", PROCFILE));
        Files.write(stage.resolve("noise.bin"), noise);
        byte[] body = tar(stage, "-czf", "Procfile", "noise.bin");
        assertThat(body.length).isGreaterThan((int) MAX_ARTIFACT);

        TestServer.Response r = deploy(app, body).assertError(413, "validation_failed");
        assertThat(r.json().at("/error/message").asText()).contains(Long.toString(MAX_ARTIFACT));
        assertNoRelease(app);
    }

    @Test
    void anImageDeployOnTheLocalOrchestratorIsRefusedSayingWhy() {
        String app = app("image");
        TestServer.Response r = api.post("/v1/apps/" + app + "/deploys", token,
                "{\"image\":\"registry.example.com/hello:1\",\"processes\":{\"web\":{\"command\":\"./run\"}}}").assertInvalid("image");
        assertThat(r.json().at("/error/message").asText()).containsIgnoringCase("local").contains(".tar.gz");
        TestServer.Response bare = api.post("/v1/apps/" + app + "/deploys", token, "{\"image\":\"registry.example.com/hello:1\"}")
                .assertInvalid("image");
        assertThat(bare.json().at("/error/message").asText()).as("why images are refused comes first").contains(".tar.gz");
        assertNoRelease(app);
    }

    @Test
    void scalingAnUnknownTypeIsNotFoundAndTo21IsInvalid() throws Exception {
        String app = app("scaling");
        Path stage = stage("scaling", Map.of("Procfile", PROCFILE));
        assertThat(deploy(app, tar(stage, "-czf", "Procfile")).status()).isEqualTo(201);
        HelloApp.awaitCurrent(path -> api.get(path, token), app, 1);

        api.patch("/v1/apps/" + app + "/processes/nope", token, "{\"replicas\":1}").assertError(404, "not_found");
        api.patch("/v1/apps/" + app + "/processes/web", token, "{\"replicas\":21}").assertInvalid("replicas");
        api.patch("/v1/apps/" + app + "/processes/web", token, "{\"replicas\":-1}").assertInvalid("replicas");
        api.patch("/v1/apps/" + app + "/processes/web", token, "{\"replicas\":\"two\"}").assertError(400, "validation_failed");
        assertThat(api.patch("/v1/apps/" + app + "/processes/web", token, "{\"replicas\":20}").status())
                .as("20 is the most").isEqualTo(200);
        assertThat(api.patch("/v1/apps/" + app + "/processes/web", token, "{\"replicas\":0}").status()).isEqualTo(200);
    }

    @Test
    void twoDeploysAtTheSameMomentBecomeV1AndV2() throws Exception {
        String app = app("racing");
        Path stage = stage("racing", Map.of("Procfile", PROCFILE));
        byte[] body = tar(stage, "-czf", "Procfile");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<TestServer.Response>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return deploy(app, body);
            }));
        }
        go.countDown();

        List<Integer> versions = new ArrayList<>();
        for (CompletableFuture<TestServer.Response> f : both) {
            TestServer.Response r = f.get(60, TimeUnit.SECONDS);
            if (r.status() == 201) {
                versions.add(r.json().get("version").asInt());
            } else {
                r.assertError(409, "conflict");
            }
        }
        assertThat(versions).as("201s").isNotEmpty().doesNotHaveDuplicates();
        JsonNode listed = api.get("/v1/apps/" + app + "/deploys", token).json().get("items");
        assertThat(listed.findValuesAsText("version")).as("releases listed, newest first")
                .containsExactlyElementsOf(versions.size() == 2 ? List.of("2", "1") : List.of("1"));
    }

    @Test
    void rollbackToAnUnknownReleaseIsNotFound() throws Exception {
        String app = app("rollback");
        Path stage = stage("rollback", Map.of("Procfile", PROCFILE));
        assertThat(deploy(app, tar(stage, "-czf", "Procfile")).status()).isEqualTo(201);

        api.post("/v1/apps/" + app + "/deploys/v99/rollback", token, null).assertError(404, "not_found");
        api.post("/v1/apps/" + app + "/deploys/01a00000-0000-7000-8000-000000000000/rollback", token, null)
                .assertError(404, "not_found");
        String otherRelease = releaseOfAnotherApp();
        api.post("/v1/apps/" + app + "/deploys/" + otherRelease + "/rollback", token, null).assertError(404, "not_found");
        assertThat(api.get("/v1/apps/" + app + "/deploys", token).json().get("items")).as("no release was added").hasSize(1);
    }

    private static String releaseOfAnotherApp() throws Exception {
        String other = app("rollback-other");
        Path stage = stage("rollback-other", Map.of("Procfile", PROCFILE));
        TestServer.Response r = deploy(other, tar(stage, "-czf", "Procfile"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static String app(String name) {
        TestServer.Response r = api.post("/v1/apps", token, "{\"name\":\"" + name + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return name;
    }

    private static TestServer.Response deploy(String app, byte[] body) {
        return api.send(HelloApp.deployRequest(api.uri("/"), token, app, body).build());
    }

    private static void assertNoRelease(String app) {
        JsonNode json = api.get("/v1/apps/" + app, token).json();
        assertThat(json.get("current_release").isNull()).as("no current release: %s", json).isTrue();
        assertThat(api.get("/v1/apps/" + app + "/deploys", token).json().get("items")).as("releases of %s", app).isEmpty();
    }

    private static Path stage(String name, Map<String, String> files) throws IOException {
        Path stage = Files.createDirectories(dir.resolve("stage").resolve(name));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(stage.resolve(f.getKey()), f.getValue());
        }
        return stage;
    }

    /** GNU tar run in {@code stage}; {@code -P} keeps {@code ../} and leading {@code /} in names as given. */
    private static byte[] tar(Path stage, String mode, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "body", ".tgz");
        List<String> command = new ArrayList<>(List.of("tar", mode, out.toString(), "-C", stage.toString()));
        command.addAll(List.of(args));
        run(command);
        return Files.readAllBytes(out);
    }

    /** A symlink {@code escape -> outside}, then a file {@code escape/evil}: unpacked naively, it lands outside. */
    private static byte[] linkThenFileThroughIt(Path stage) throws IOException, InterruptedException {
        Path plain = Files.createTempFile(dir, "body", ".tar");
        run(List.of("tar", "-cPf", plain.toString(), "-C", stage.toString(), "Procfile", "escape"));
        Path real = Files.createDirectories(dir.resolve("stage/real/escape"));
        Files.writeString(real.resolve("evil"), "evil\n");
        run(List.of("tar", "-rPf", plain.toString(), "-C", real.getParent().toString(), "escape/evil"));
        run(List.of("gzip", "-f", plain.toString()));
        return Files.readAllBytes(Path.of(plain + ".gz"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command, output).isZero();
    }

    /** The artifacts the local orchestrator keeps (other tests' valid deploys add theirs). */
    private static Set<Path> storedArtifacts() throws IOException {
        Path store = dataDir.resolve("local/artifacts/sha256");
        if (!Files.isDirectory(store)) {
            return Set.of();
        }
        try (Stream<Path> stored = Files.list(store)) {
            return stored.collect(java.util.stream.Collectors.toSet());
        }
    }

    /** Regular files below {@code root} with one of {@code names}; the embedded PostgreSQL's folder is skipped. */
    private static List<Path> namedAnywhere(Path root, Set<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> !f.startsWith(dataDir.resolve("postgres")))
                    .filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> names.contains(f.getFileName().toString())).toList();
        }
    }
}

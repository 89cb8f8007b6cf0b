package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code prepare} accepts and refuses, and that unpacking never writes outside the release directory. */
class ArtifactChecksTest {
    private static final String PROCFILE = "web: python3 server.py\nworker: sh worker.sh\n";

    @TempDir
    Path dataDir;
    private Orchestrator orchestrator;

    @BeforeEach
    void start() {
        orchestrator = create(Map.of("max-artifact-bytes", "4096"));
    }

    @AfterEach
    void stop() throws Exception {
        orchestrator.close();
    }

    @Test
    void storesAValidArtifactContentAddressedAndReadsItsProcfile() throws Exception {
        byte[] body = new TarBuilder().file("Procfile", "# the app\n\n" + PROCFILE).file("server.py", "print(1)\n").gzip();

        PreparedSource source = prepare(body);

        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        assertThat(source.kind()).isEqualTo("artifact");
        assertThat(source.ref()).isEqualTo("sha256:" + hex);
        assertThat(source.processes()).containsExactlyInAnyOrderEntriesOf(Map.of("web", "python3 server.py", "worker", "sh worker.sh"));
        assertThat(dataDir.resolve("local/artifacts/sha256/" + hex + ".tar.gz")).hasBinaryContent(body);
        assertThat(orchestrator.sourceAvailable(source.ref())).isTrue();
        assertThat(orchestrator.sourceAvailable("sha256:" + "0".repeat(64))).isFalse();
        assertThat(orchestrator.sourceAvailable("sha256:../../../etc/passwd")).isFalse();
        assertThat(dataDir.resolve("local/artifacts/incoming")).isEmptyDirectory();
    }

    @Test
    void acceptsWhatGnuTarWritesIncludingDotSlashAndLongNames(@TempDir Path apps) throws Exception {
        String longName = "deep/" + "d".repeat(120) + "/file.txt";
        Path app = TestApps.write(apps, Map.of("Procfile", PROCFILE, longName, "long"));
        Orchestrator big = create(Map.of());
        try {
            for (String format : new String[] {"--format=gnu", "--format=pax"}) {
                PreparedSource source = big.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(app, format)), 0));
                assertThat(source.processes()).containsKeys("web", "worker");
                Path target = unpacker().unpack(source.ref(), new AppTree(dataDir.resolve("unpacked-" + format.substring(9))),
                        UUID.randomUUID(), 1);
                assertThat(target.resolve(longName)).hasContent("long");
            }
        } finally {
            big.close();
        }
    }

    @Test
    void refusesABodyThatIsNotGzip() {
        assertRefused("this is not gzip".getBytes(), "body", "not a gzip file");
    }

    @Test
    void refusesGzipThatIsNotATar() throws IOException {
        assertRefused(gzip("just some text, not a tar archive at all".repeat(20).getBytes()), "body", "not a valid tar archive");
    }

    @Test
    void refusesAnArchiveWithoutProcfile() {
        assertRefused(new TarBuilder().file("server.py", "print(1)\n").file("sub/Procfile", PROCFILE).gzip(), "Procfile", "no Procfile at its root");
    }

    @Test
    void refusesAProcfileWithoutAValidLine() {
        assertRefused(new TarBuilder().file("Procfile", "Web: uppercase type\njust words\n: no type\n").gzip(), "Procfile", "no valid line");
    }

    @Test
    void refusesPathTraversalEntries() {
        String outside = "escaped-" + UUID.randomUUID();
        assertRefused(new TarBuilder().file("Procfile", PROCFILE).file("../" + outside, "x").gzip(), "body", "'..' is not allowed");
        assertRefused(new TarBuilder().file("Procfile", PROCFILE).file("a/../../" + outside, "x").gzip(), "body", "unsafe path");
        assertRefused(new TarBuilder().file("Procfile", PROCFILE).file("/tmp/" + outside, "x").gzip(), "body", "absolute paths are not allowed");
        assertThat(Path.of("/tmp", outside)).doesNotExist();
        assertThat(dataDir.getParent().resolve(outside)).doesNotExist();
    }

    @Test
    void refusesLinksThatPointOutside() {
        assertRefused(procfileAnd().symlink("etc", "../../../etc").gzip(), "body", "points outside");
        assertRefused(procfileAnd().symlink("passwd", "/etc/passwd").gzip(), "body", "points outside");
        // each link alone stays inside; together "b" resolves to the parent of the root
        assertRefused(procfileAnd().symlink("a", ".").symlink("b", "a/..").gzip(), "body", "points outside");
        assertRefused(procfileAnd().symlink("sub", "real").file("sub/evil", "x").gzip(), "body", "below the symlink");
        assertRefused(procfileAnd().hardLink("h", "../../etc/passwd").gzip(), "body", "'..' is not allowed");
        assertRefused(procfileAnd().device("dev/sda").gzip(), "body", "device");
    }

    @Test
    void acceptsLinksThatStayInside() {
        PreparedSource source = prepare(procfileAnd().file("lib/real.py", "x").symlink("lib/alias.py", "real.py")
                .symlink("bin/tool", "../lib/real.py").hardLink("copy.py", "lib/real.py").gzip());
        assertThat(source.processes()).containsKey("web");
    }

    @Test
    void unpackingChecksAgainAndWritesNothingOutsideTheReleaseDirectory() throws Exception {
        String outside = "escaped-" + UUID.randomUUID();
        byte[] evil = procfileAnd().file("ok.txt", "fine").file("../" + outside, "x").gzip();
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(evil));
        Path stored = dataDir.resolve("local/artifacts/sha256/" + hex + ".tar.gz"); // as if stored before the checks existed
        Files.createDirectories(stored.getParent());
        Files.write(stored, evil);
        AppTree tree = new AppTree(dataDir.resolve("apps"));
        UUID appId = UUID.randomUUID();

        assertThatThrownBy(() -> unpacker().unpack("sha256:" + hex, tree, appId, 1))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage()).contains("unsafe path"));
        assertThat(tree.release(appId, 1)).doesNotExist();
        assertThat(tree.releases(appId)).isEmptyDirectory();
        assertThat(tree.unpackingRoot()).isEmptyDirectory();
        assertThat(tree.root().resolve(outside)).doesNotExist();
    }

    @Test
    void refusesAnArtifactOverTheSizeLimitAsTooLarge() {
        byte[] big = new byte[5000];
        new java.util.Random(1).nextBytes(big);
        assertThatThrownBy(() -> prepare(big)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.TOO_LARGE);
            assertThat(e.field()).contains("body");
            assertThat(e.getMessage()).isEqualTo("artifact is larger than 4096 bytes");
        });
        byte[] small = procfileAnd().gzip();
        assertThatThrownBy(() -> orchestrator.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(small), 10)))
                .hasMessage("artifact is larger than 10 bytes");
        assertThat(dataDir.resolve("local/artifacts/incoming")).isEmptyDirectory();
    }

    @Test
    void refusesImageDeploysSayingWhy() {
        assertThatThrownBy(() -> orchestrator.prepare(new SourceUpload.Image("nginx:1.27", Map.of("web", "nginx"))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
                    assertThat(e.field()).contains("image");
                    assertThat(e.getMessage()).contains(".tar.gz").contains("orchestration.provider=kubernetes");
                });
    }

    private Orchestrator create(Map<String, String> settings) {
        return new LocalOrchestratorFactory().create(
                ProviderConfig.of("orchestration", settings, LocalOrchestratorSettings.KEYS), TestProviderContext.of(dataDir));
    }

    private ReleaseUnpacker unpacker() {
        return new ReleaseUnpacker(new ArtifactStore(dataDir.resolve("local/artifacts"), 1 << 20),
                new AppDirectories(Optional.empty(), new AppUids(dataDir.resolve("uids.properties"))));
    }

    private static TarBuilder procfileAnd() {
        return new TarBuilder().file("Procfile", PROCFILE);
    }

    private PreparedSource prepare(byte[] body) {
        return orchestrator.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(body), 0));
    }

    private void assertRefused(byte[] body, String field, String message) {
        assertThatThrownBy(() -> prepare(body)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
            assertThat(e.field()).contains(field);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}

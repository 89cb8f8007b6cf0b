package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * As root, a release is its app's alone from the moment it is unpacked, before any instance of it
 * starts: another app's uid can neither read its files nor list its releases, a later release does
 * not open the app's directory up again, and the work in progress is the runtime's alone. The
 * app's releases directory is the runtime's: what runs is what the artifact holds.
 */
class ReleasePrivacyTest {
    private static final int NOGROUP = 65534;

    @TempDir
    Path dataDir;
    private AppUids uids;
    private ArtifactStore artifacts;
    private ReleaseUnpacker unpacker;
    private AppTree tree;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(AppUser.runtimeIsRoot(), "only a runtime running as root runs apps under their own uids");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x")); // the app uids get as far as the tree
        uids = new AppUids(dataDir.resolve("uids.properties"));
        artifacts = new ArtifactStore(dataDir.resolve("artifacts"), 1 << 20);
        unpacker = new ReleaseUnpacker(artifacts, new AppDirectories(Optional.of(new AppUser("paas-test", NOGROUP, NOGROUP)), uids));
        tree = new AppTree(dataDir.resolve("apps"));
    }

    @Test
    void anotherAppsUidCannotReadAFreshlyUnpackedReleaseNorItsNextOne() throws Exception {
        UUID app = UUID.randomUUID();
        int appUid = uids.uidFor(app);
        int otherUid = uids.uidFor(UUID.randomUUID());

        Path v1 = unpacker.unpack(store("first secret"), tree, app, 1);

        assertDenied(otherUid, "cat", v1.resolve("secret.txt").toString());
        assertDenied(otherUid, "ls", tree.releases(app).toString());
        assertThat(as(appUid, "cat", v1.resolve("secret.txt").toString())).isEqualTo(new Outcome(0, "first secret"));
        assertThat((Integer) Files.getAttribute(tree.releases(app), "unix:uid")).isZero();
        assertThat(Files.getPosixFilePermissions(tree.releases(app))).isEqualTo(PosixFilePermissions.fromString("rwx--x--x"));
        assertThat((Integer) Files.getAttribute(v1, "unix:uid")).isEqualTo(appUid);
        assertThat(Files.getPosixFilePermissions(v1)).isEqualTo(PosixFilePermissions.fromString("rwx------"));

        Path v2 = unpacker.unpack(store("second secret"), tree, app, 2);

        assertDenied(otherUid, "cat", v1.resolve("secret.txt").toString());
        assertDenied(otherUid, "cat", v2.resolve("secret.txt").toString());
        assertThat(as(appUid, "cat", v2.resolve("secret.txt").toString())).isEqualTo(new Outcome(0, "second secret"));
        assertThat(Files.getPosixFilePermissions(v2)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(tree.unpackingRoot())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(tree.unpackingRoot()).isEmptyDirectory();
    }

    @Test
    void aLinkTheAppPutWhereItsReleaseGoesIsRemovedNotFollowed() throws Exception {
        UUID app = UUID.randomUUID();
        Path elsewhere = Files.createDirectory(dataDir.resolve("elsewhere"));
        unpacker.unpack(store("first"), tree, app, 1);
        Files.createSymbolicLink(tree.release(app, 2), elsewhere); // as the app's uid could, in its own directory

        Path v2 = unpacker.unpack(store("second"), tree, app, 2);

        assertThat(v2).isDirectory().isNotEqualTo(elsewhere);
        assertThat(Files.isSymbolicLink(v2)).isFalse();
        assertThat(v2.resolve("secret.txt")).hasContent("second");
        assertThat(elsewhere).isEmptyDirectory();
    }

    /**
     * A compromised app must not outlive the deploy that fixes it: its uid may neither make the
     * directory of a release yet to come (which the unpack would keep as complete) nor swap the
     * release it runs for its own directory in its releases directory.
     */
    @Test
    void theAppsUidCanNeitherPlantANextReleaseNorSwapItsRelease() throws Exception {
        UUID app = UUID.randomUUID();
        int appUid = uids.uidFor(app);
        Path v1 = unpacker.unpack(store("first"), tree, app, 1);

        assertDenied(appUid, "mkdir", tree.release(app, 2).toString());
        assertDenied(appUid, "mv", v1.toString(), tree.releases(app).resolve("elsewhere").toString());
        assertDenied(appUid, "ln", "-s", "/", tree.release(app, 3).toString());

        Path v2 = unpacker.unpack(store("second"), tree, app, 2);
        assertThat(v2.resolve("secret.txt")).hasContent("second");
    }

    private String store(String secret) {
        byte[] tgz = new TarBuilder().file("Procfile", "web: sleep 600\n").file("secret.txt", secret).gzip();
        PreparedSource source = artifacts.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(tgz), 0));
        return source.ref();
    }

    /** What {@code command} prints (stdout and stderr) and its exit code, run under {@code uid} as an app runs. */
    private static Outcome as(int uid, String... command) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + NOGROUP, "--clear-groups", "--"));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = p.waitFor();
        return new Outcome(exit, output);
    }

    private static void assertDenied(int uid, String... command) throws Exception {
        assertThat(as(uid, command)).satisfies(o -> {
            assertThat(o.exit()).isNotZero();
            assertThat(o.output()).contains("Permission denied");
        });
    }

    private record Outcome(int exit, String output) {
    }
}

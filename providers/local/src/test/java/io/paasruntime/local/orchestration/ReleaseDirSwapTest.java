package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.AppRef;
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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Should a release directory ever be a link (apps owned {@code releases/<appId>} in earlier
 * versions, and could swap their release there), that must not take the runtime (root) anywhere
 * the app's uid could not go itself: the working directory is entered as the app's uid, after the
 * uid drop.
 */
class ReleaseDirSwapTest {
    private static final int NOGROUP = 65534;

    @TempDir
    Path dataDir;
    private AppUids uids;
    private ArtifactStore artifacts;
    private AppDirectories dirs;
    private ReleaseUnpacker unpacker;
    private AppTree tree;
    private InstanceLauncher launcher;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(AppUser.runtimeIsRoot(), "only a runtime running as root runs apps under their own uids");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        uids = new AppUids(dataDir.resolve("uids.properties"), dataDir.resolve("next-app-uid"));
        artifacts = new ArtifactStore(dataDir.resolve("artifacts"), 1 << 20);
        Optional<AppUser> user = Optional.of(new AppUser("paas-test", NOGROUP, NOGROUP));
        dirs = new AppDirectories(user, uids);
        unpacker = new ReleaseUnpacker(artifacts, dirs);
        tree = new AppTree(dataDir.resolve("apps"));
        launcher = new InstanceLauncher(user, new PidFiles(dataDir.resolve("pids")), uids, dirs);
    }

    @Test
    void aReleaseDirectorySwappedForALinkDoesNotGiveTheAppARootChosenWorkingDirectory() throws Exception {
        AppRef app = new AppRef(UUID.randomUUID(), UUID.randomUUID(), "swapper");
        Path release = unpacker.unpack(store("mine"), tree, app.appId(), 1);
        // a directory only root may enter (as another app's releases/<appId>), holding an open one
        // (as that app's release): out of reach for anyone who is not already inside
        Path vault = Files.createDirectory(dataDir.resolve("vault"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path inner = Files.createDirectory(vault.resolve("v1"));
        Files.setPosixFilePermissions(inner, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(inner.resolve("secret.txt"), "another app's secret");
        Files.setPosixFilePermissions(inner.resolve("secret.txt"), PosixFilePermissions.fromString("rw-r--r--"));
        // what the app's uid could do when it owned releases/<appId>
        Files.move(release, tree.releases(app.appId()).resolve("old"));
        Files.createSymbolicLink(release, inner);

        Outcome outcome = run(app, release, "cat secret.txt");

        assertThat(outcome.output()).doesNotContain("another app's secret");
        assertThat(outcome.exit()).isNotZero();
    }

    private Outcome run(AppRef app, Path release, String command) throws Exception {
        InstanceSpec spec = new InstanceSpec(app, 1, "probe", 1, "v1-probe.1-1", command, release,
                tree.instanceDir(app.appId(), "v1-probe.1-1"), Map.of(), OptionalInt.empty(), ProcessSize.SMALL);
        InstanceLauncher.LaunchedProcess launched;
        try {
            launched = launcher.launch(spec);
        } catch (IOException refused) {
            return new Outcome(-1, refused.getMessage());
        }
        Process p = launched.process();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        launcher.cleanUp(spec);
        return new Outcome(p.exitValue(), out);
    }

    private String store(String secret) {
        byte[] tgz = new TarBuilder().file("Procfile", "web: sleep 600\n").file("secret.txt", secret).gzip();
        PreparedSource source = artifacts.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(tgz), 0));
        return source.ref();
    }

    private record Outcome(int exit, String output) {
    }
}

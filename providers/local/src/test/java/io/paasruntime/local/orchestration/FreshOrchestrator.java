package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.tck.TestProviderContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** A local orchestrator of its own on a new data directory the app uids may walk into (mode 0755). */
final class FreshOrchestrator implements AutoCloseable {
    final Path dataDir;
    final Orchestrator orchestrator;

    private FreshOrchestrator(Path dataDir, Orchestrator orchestrator) {
        this.dataDir = dataDir;
        this.orchestrator = orchestrator;
    }

    /** For tests of what the runtime does as root: skipped (an assumption) when the tests do not run as root. */
    static FreshOrchestrator asRoot(String prefix) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(AppUser.runtimeIsRoot(), "only a runtime running as root runs apps under their own uids");
        return create(prefix);
    }

    static FreshOrchestrator create(String prefix) throws IOException {
        Path dataDir = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new FreshOrchestrator(dataDir, LocalOrchestratorTest.create(TestProviderContext.of(dataDir)));
    }

    /** The artifact of an app made of {@code files} (name to content). */
    PreparedSource prepare(Map<String, String> files) throws IOException {
        Path src = TestApps.write(Files.createDirectories(dataDir.resolve("sources")), files);
        return orchestrator.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(src)), 0));
    }

    @Override
    public void close() throws Exception {
        orchestrator.close();
        FileTrees.deleteRecursively(dataDir);
    }
}

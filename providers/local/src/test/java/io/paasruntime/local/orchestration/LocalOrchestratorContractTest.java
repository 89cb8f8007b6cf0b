package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.tck.TestProviderContext;
import io.paasruntime.tck.orchestration.OrchestratorContractTest;
import org.junit.jupiter.api.AfterAll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The local orchestrator passes the orchestrator contract with real OS processes. */
class LocalOrchestratorContractTest extends OrchestratorContractTest {
    /** Removed after all tests: the kit closes each orchestrator after this class's own after-each. */
    private static final java.util.List<Path> DATA_DIRS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    protected Orchestrator newOrchestrator() {
        try {
            Path dataDir = Files.createTempDirectory("local-contract-");
            DATA_DIRS.add(dataDir);
            // the app user must be able to enter the data directory when the tests run as root
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LocalOrchestratorTest.create(TestProviderContext.of(DATA_DIRS.getLast()));
    }

    @Override
    protected SourceUpload source() {
        return new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(TestApps.hello())), 10 << 20);
    }

    @AfterAll
    static void removeDataDirs() throws Exception {
        for (Path dir : DATA_DIRS) {
            FileTrees.deleteRecursively(dir);
        }
    }
}

package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.tck.TestProviderContext;
import io.paasruntime.tck.orchestration.OrchestratorContractTest;
import org.junit.jupiter.api.AfterEach;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The local orchestrator passes the orchestrator contract with real OS processes. */
class LocalOrchestratorContractTest extends OrchestratorContractTest {
    private Path dataDir;

    @Override
    protected Orchestrator newOrchestrator() {
        try {
            dataDir = Files.createTempDirectory("local-contract-");
            // the app user must be able to enter the data directory when the tests run as root
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LocalOrchestratorTest.create(TestProviderContext.of(dataDir));
    }

    @Override
    protected SourceUpload source() {
        return new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(TestApps.hello())), 10 << 20);
    }

    @AfterEach
    void removeDataDir() throws Exception {
        if (dataDir != null) {
            FileTrees.deleteRecursively(dataDir);
        }
    }
}

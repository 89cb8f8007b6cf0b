package io.paasruntime.local.telemetry;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogSource;
import io.paasruntime.tck.TestProviderContext;
import io.paasruntime.tck.telemetry.LogSourceContractTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/** The local log source passes the log contract, lines written to the shared store as the orchestrator does. */
class LocalLogSourceContractTest extends LogSourceContractTest {
    @TempDir
    Path dataDir;
    private TestProviderContext context;

    @Override
    protected LogSource newSource() {
        context = TestProviderContext.of(dataDir);
        LocalLogSourceFactory factory = new LocalLogSourceFactory();
        return factory.create(ProviderConfig.of("logs", Map.of(), factory.configKeys()), context);
    }

    @Override
    protected void emit(AppRef app, LogLine line) {
        LocalLogStore.shared(context).append(app.appId(), line);
    }
}

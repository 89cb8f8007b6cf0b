package io.paasruntime.signoz;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogSource;
import io.paasruntime.tck.telemetry.LogSourceContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The SigNoz log source passes the log contract against the stub: a line is emitted as the
 * collector would store a pod's line, with the default resource attributes.
 */
class SigNozLogSourceContractTest extends LogSourceContractTest {
    @TempDir
    Path dataDir;
    private SigNozStub stub;

    @Override
    protected LogSource newSource() {
        try {
            stub = new SigNozStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SigNozProviders.logs(stub, dataDir, Map.of());
    }

    @Override
    protected void emit(AppRef app, LogLine line) {
        stub.data.addLog(line.ts(), line.message(),
                Map.of("k8s.pod.labels.paas.io/app", app.appId().toString(), "k8s.pod.labels.paas.io/process", line.process(),
                        "k8s.pod.name", line.instance(), "k8s.namespace.name", "paas-" + app.tenantId()),
                Map.of("log.iostream", line.stream()));
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }
}

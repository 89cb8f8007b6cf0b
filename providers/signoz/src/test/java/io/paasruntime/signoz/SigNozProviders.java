package io.paasruntime.signoz;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.telemetry.LogSource;
import io.paasruntime.spi.telemetry.MetricSource;
import io.paasruntime.tck.TestProviderContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** SigNoz providers created through their factories against a {@link SigNozStub}. */
final class SigNozProviders {
    static final String API_KEY = "test-signoz-key-0001";
    /**
     * Generous: the stub answers at once, but a JVM's first request (class loading, JIT) on a busy
     * machine can take a second. Tests of the timeout itself set their own.
     */
    private static final String STUB_TIMEOUT = "10s";

    private SigNozProviders() {
    }

    static LogSource logs(SigNozStub stub, Path dataDir, Map<String, String> extra) {
        SigNozLogSourceFactory factory = new SigNozLogSourceFactory();
        Map<String, String> raw = new HashMap<>(Map.of("url", stub.url().toString(), "api-key", API_KEY,
                "timeout", STUB_TIMEOUT, "follow.interval", "200ms"));
        raw.putAll(extra);
        return factory.create(ProviderConfig.of("logs", raw, factory.configKeys()), TestProviderContext.of(dataDir));
    }

    static MetricSource metrics(SigNozStub stub, Path dataDir, Map<String, String> extra) {
        SigNozMetricSourceFactory factory = new SigNozMetricSourceFactory();
        Map<String, String> raw = new HashMap<>(Map.of("url", stub.url().toString(), "api-key", API_KEY, "timeout", STUB_TIMEOUT));
        raw.putAll(extra);
        return factory.create(ProviderConfig.of("metrics", raw, factory.configKeys()), TestProviderContext.of(dataDir));
    }
}

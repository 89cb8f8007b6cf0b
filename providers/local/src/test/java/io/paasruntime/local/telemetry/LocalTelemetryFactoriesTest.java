package io.paasruntime.local.telemetry;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.telemetry.LogSource;
import io.paasruntime.spi.telemetry.LogSourceFactory;
import io.paasruntime.spi.telemetry.MetricSourceFactory;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Smoke tests: ServiceLoader finds both factories, they start with no settings, refuse bad ones and close. */
class LocalTelemetryFactoriesTest {
    @TempDir
    Path dataDir;

    @Test
    void serviceLoaderFindsTheLocalLogAndMetricFactories() {
        assertThat(ServiceLoader.load(LogSourceFactory.class).stream().map(p -> p.get().id())).contains("local");
        assertThat(ServiceLoader.load(MetricSourceFactory.class).stream().map(p -> p.get().id())).contains("local");
    }

    @Test
    void theLogSourceStartsWithDefaultsAndAppliesItsRetentionToTheSharedStore() throws Exception {
        TestProviderContext context = TestProviderContext.of(dataDir);
        LocalLogSourceFactory factory = new LocalLogSourceFactory();
        try (LogSource source = factory.create(ProviderConfig.of("logs", Map.of("retention.lines", "500"), factory.configKeys()), context)) {
            assertThat(LocalLogStore.shared(context).retention()).isEqualTo(new LogRetention(500, LogRetention.DEFAULT_BYTES));
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheKeyWithoutTheirValue() {
        LocalLogSourceFactory logs = new LocalLogSourceFactory();
        LocalMetricSourceFactory metrics = new LocalMetricSourceFactory();
        TestProviderContext context = TestProviderContext.of(dataDir);

        assertThatThrownBy(() -> logs.create(ProviderConfig.of("logs", Map.of("retention.lines", "0"), logs.configKeys()), context))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.field()).contains("logs.retention.lines"));
        assertThatThrownBy(() -> ProviderConfig.of("logs", Map.of("retention.days", "3"), logs.configKeys()))
                .isInstanceOf(ProviderException.class).hasMessageContaining("logs.retention.days");
        assertThatThrownBy(() -> metrics.create(ProviderConfig.of("metrics", Map.of("interval", "100ms"), metrics.configKeys()), context))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.field()).contains("metrics.interval"));
    }

    @Test
    void theMetricSourceSamplesOnItsOwnThreadUntilClosed() {
        LocalMetricSourceFactory factory = new LocalMetricSourceFactory();
        var source = factory.create(ProviderConfig.of("metrics", Map.of("interval", "1s"), factory.configKeys()),
                TestProviderContext.of(dataDir));
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("local-metrics-sampler"));
        source.close();
    }
}

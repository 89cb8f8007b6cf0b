package io.paasruntime.signoz;

import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderException;
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

/** Smoke tests: ServiceLoader finds both factories; they refuse bad settings by name and never print the key. */
class SigNozFactoriesTest {
    @TempDir
    Path dataDir;

    @Test
    void serviceLoaderFindsTheSigNozFactories() {
        assertThat(ServiceLoader.load(LogSourceFactory.class).stream().map(p -> p.get().id())).contains("signoz");
        assertThat(ServiceLoader.load(MetricSourceFactory.class).stream().map(p -> p.get().id())).contains("signoz");
    }

    @Test
    void theUrlIsRequiredAndMustBeHttp() {
        SigNozLogSourceFactory factory = new SigNozLogSourceFactory();
        assertThatThrownBy(() -> ProviderConfig.of("logs", Map.of(), factory.configKeys()))
                .isInstanceOf(ProviderException.class).hasMessageContaining("logs.url");
        assertThatThrownBy(() -> factory.create(ProviderConfig.of("logs", Map.of("url", "ftp://signoz"), factory.configKeys()),
                TestProviderContext.of(dataDir)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.field()).contains("logs.url"));
        assertThatThrownBy(() -> factory.create(ProviderConfig.of("logs", Map.of("url", "http://signoz",
                "resource.app-attribute", "app' OR 1=1"), factory.configKeys()), TestProviderContext.of(dataDir)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.field()).contains("logs.resource.app-attribute"));
    }

    @Test
    void theApiKeyIsSecretAndNeverPrinted() {
        SigNozMetricSourceFactory factory = new SigNozMetricSourceFactory();
        ProviderConfig config = ProviderConfig.of("metrics", Map.of("url", "http://127.0.0.1:9", "api-key", "k-123456"),
                factory.configKeys());

        assertThat(config.toString()).doesNotContain("k-123456").contains("api-key=****");
        assertThat(SigNozSettings.from(config).toString()).doesNotContain("k-123456");
        factory.create(config, TestProviderContext.of(dataDir)).close();
    }
}

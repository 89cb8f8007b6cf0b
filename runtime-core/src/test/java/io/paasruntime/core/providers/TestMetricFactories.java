package io.paasruntime.core.providers;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.telemetry.MetricSeries;
import io.paasruntime.spi.telemetry.MetricSource;
import io.paasruntime.spi.telemetry.MetricSourceFactory;

import java.util.List;

/** Factories registered in this module's test resources to exercise the registry's selection rules. */
final class TestMetricFactories {
    private TestMetricFactories() {
    }

    abstract static class Base implements MetricSourceFactory {
        @Override
        public int spiVersion() {
            return SpiVersion.CURRENT;
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(ConfigKey.of("step", "10s", "sampling step"));
        }

        @Override
        public MetricSource create(ProviderConfig config, ProviderContext context) {
            return (app, kind, range, step) -> new MetricSeries(kind, range, step, List.of());
        }
    }

    public static final class Alpha extends Base {
        @Override
        public String id() {
            return "alpha";
        }
    }

    public static final class TwinOne extends Base {
        @Override
        public String id() {
            return "twin";
        }
    }

    public static final class TwinTwo extends Base {
        @Override
        public String id() {
            return "twin";
        }
    }

    public static final class BuiltForOldSpi extends Base {
        @Override
        public String id() {
            return "old";
        }

        @Override
        public int spiVersion() {
            return 0;
        }
    }
}

package io.paasruntime.signoz;

import io.paasruntime.spi.ConfigKey;
import io.paasruntime.spi.ProviderConfig;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.SpiVersion;
import io.paasruntime.spi.telemetry.LogSource;
import io.paasruntime.spi.telemetry.LogSourceFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the {@code signoz} log source (config section {@code logs}): the keys of
 * {@link SigNozSettings#commonKeys()} plus
 * <ul>
 *   <li>{@code log.stream-attribute} ({@code log.iostream}): log attribute saying stdout or stderr;</li>
 *   <li>{@code query.window} ({@code 7d}): how far back a query without {@code since} looks;</li>
 *   <li>{@code follow.interval} ({@code 1s}): time between two polls of a followed log.</li>
 * </ul>
 */
public final class SigNozLogSourceFactory implements LogSourceFactory {
    public static final String ID = "signoz";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ConfigKey> configKeys() {
        List<ConfigKey> keys = new ArrayList<>(SigNozSettings.commonKeys());
        keys.add(ConfigKey.of("log.stream-attribute", "log.iostream", "log attribute holding stdout or stderr"));
        keys.add(ConfigKey.of("query.window", "7d", "how far back a log query without since looks"));
        keys.add(ConfigKey.of("follow.interval", "1s", "time between two polls of a followed log"));
        return keys;
    }

    @Override
    public LogSource create(ProviderConfig config, ProviderContext context) {
        SigNozSettings settings = SigNozSettings.from(config);
        Duration window = config.getDuration("query.window");
        Duration interval = config.getDuration("follow.interval");
        if (window.isNegative() || window.isZero()) {
            throw ProviderException.invalid("logs.query.window", "logs.query.window must be positive");
        }
        if (interval.compareTo(Duration.ofMillis(100)) < 0 || interval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw ProviderException.invalid("logs.follow.interval", "logs.follow.interval must be between 100ms and 1m");
        }
        return new SigNozLogSource(new SigNozClient(settings), settings,
                SigNozSettings.attribute(config, "log.stream-attribute"), window, interval, context.clock());
    }
}

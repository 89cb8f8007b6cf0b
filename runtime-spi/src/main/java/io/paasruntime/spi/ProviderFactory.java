package io.paasruntime.spi;

import java.util.List;

/**
 * Creates one kind of provider. Implementations are listed in
 * {@code META-INF/services/<port factory interface>} and found by {@link java.util.ServiceLoader}.
 *
 * <p>Lifecycle: the registry instantiates every factory it finds (so constructors must be cheap
 * and side-effect free), then calls {@link #create} once on the factory whose id the config names.
 * Factories are used from one thread at start-up only.
 *
 * @param <P> the provider type
 */
public interface ProviderFactory<P extends AutoCloseable> {

    /** Stable id used in config, e.g. {@code local}, {@code keycloak}, {@code kubernetes}. */
    String id();

    /**
     * The SPI version this factory was built for. Implement it as {@code return SpiVersion.CURRENT;}:
     * the compiler copies the constant into the provider's own class file, so the value records the
     * SPI the provider was compiled against, and the registry refuses a mismatch at start-up.
     */
    int spiVersion();

    /** The config keys this provider reads; any other key under its section is refused. */
    List<ConfigKey> configKeys();

    /**
     * Creates the provider.
     *
     * @throws ProviderException of kind {@code INVALID} for bad config, {@code UNAVAILABLE} when a
     *                           backing service cannot be reached
     */
    P create(ProviderConfig config, ProviderContext context);
}

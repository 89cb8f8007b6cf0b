package io.paasruntime.spi;

/**
 * The version of this SPI. A factory reports the version it was compiled against through
 * {@link ProviderFactory#spiVersion()}; the registry refuses factories whose major version differs.
 */
public final class SpiVersion {
    /** Bumped when a change breaks existing providers. */
    public static final int CURRENT = 1;

    private SpiVersion() {
    }
}

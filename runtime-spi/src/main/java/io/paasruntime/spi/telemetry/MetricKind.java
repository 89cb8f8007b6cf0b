package io.paasruntime.spi.telemetry;

import java.util.Locale;

/** What a series measures, and its unit. */
public enum MetricKind {
    /** Percent of one core. */
    CPU("percent"),
    /** Resident set size. */
    MEMORY("bytes"),
    /** Restarts after a crash, per bucket. */
    RESTARTS("count"),
    /** Requests served, per bucket. */
    REQUESTS("count");

    private final String unit;

    MetricKind(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

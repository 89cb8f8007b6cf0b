package io.paasruntime.spi.store;

/** Where a release is in its life. */
public enum ReleaseStatus {
    /** Created; the orchestrator has not started it yet. */
    PENDING,
    /** Processes are starting. */
    RUNNING,
    /** Serving: the app's current release. */
    SUCCEEDED,
    /** Did not come up; the previous release kept serving. */
    FAILED,
    /** Replaced by a newer release that succeeded. */
    SUPERSEDED;

    /** The lowercase name used in the API. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean terminal() {
        return this == FAILED || this == SUPERSEDED;
    }
}

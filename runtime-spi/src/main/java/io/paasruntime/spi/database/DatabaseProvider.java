package io.paasruntime.spi.database;

import java.util.List;

/**
 * Provisions databases for add-ons.
 *
 * <p>Lifecycle: created once at start-up, closed at shutdown. Threading: thread-safe.
 * Every operation is all-or-nothing: a failed {@link #provision} leaves nothing behind.
 */
public interface DatabaseProvider extends AutoCloseable {

    /** Plan names this provider offers, the default first. */
    List<String> plans();

    /**
     * Creates a database and a role that owns it.
     *
     * @throws io.paasruntime.spi.ProviderException {@code CONFLICT} if it exists, {@code UNAVAILABLE}
     *         when the server cannot be reached, {@code INVALID} for an unknown plan
     */
    ProvisionedDatabase provision(DatabaseRequest request);

    /** Drops the database (forcing out sessions) and its role; a missing one is not an error. */
    void deprovision(String externalRef);

    /** {@code available}, {@code missing} or {@code unavailable}. */
    String status(String externalRef);

    @Override
    default void close() {
    }
}

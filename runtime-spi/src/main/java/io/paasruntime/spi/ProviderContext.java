package io.paasruntime.spi;

import io.paasruntime.spi.store.StateStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Services the host offers to providers when creating them. New services are added as default
 * methods so that providers built against an older SPI keep working. Thread-safe.
 */
public interface ProviderContext {

    /** The runtime's data directory; a provider keeps its files in a sub-folder named after its id. */
    Path dataDir();

    /** The clock to read time from (tests control it). */
    Clock clock();

    /**
     * The state store, for providers that keep state there (e.g. local identity). Empty while the
     * store itself is being created.
     */
    default Optional<StateStore> stateStore() {
        return Optional.empty();
    }

    /**
     * The PostgreSQL server the runtime started itself, when the store runs on the embedded one;
     * database add-ons use it as their default server.
     */
    default Optional<PostgresServer> embeddedPostgres() {
        return Optional.empty();
    }

    /**
     * One object shared by all providers of this runtime under {@code type}, created on first use
     * (e.g. the local log store that the local orchestrator writes and the local log source reads).
     */
    default <T> T shared(Class<T> type, Supplier<? extends T> create) {
        throw new UnsupportedOperationException("this host offers no shared objects");
    }

    /** Connection facts of a PostgreSQL server with superuser rights. {@link #toString()} hides the password. */
    record PostgresServer(String host, int port, String superuser, String password) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        @Override
        public String toString() {
            return "PostgresServer[" + superuser + "@" + host + ":" + port + "]";
        }
    }
}

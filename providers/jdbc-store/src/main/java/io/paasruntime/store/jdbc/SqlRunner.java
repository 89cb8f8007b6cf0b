package io.paasruntime.store.jdbc;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a repository reaches the database: in a session of its own per call ({@link PerCallSessions})
 * or in the session of an open transaction ({@link TransactionSession}). Either way failures come
 * out as {@link io.paasruntime.spi.ProviderException}s.
 */
interface SqlRunner {

    /** Runs {@code work} with a mapper of {@code type} and returns its result. */
    <M, T> T call(Class<M> type, Function<M, T> work);

    default <M> void run(Class<M> type, Consumer<M> work) {
        call(type, mapper -> {
            work.accept(mapper);
            return null;
        });
    }
}

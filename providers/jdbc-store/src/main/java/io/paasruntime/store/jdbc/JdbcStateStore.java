package io.paasruntime.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.paasruntime.spi.ProviderContext;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.store.jdbc.embedded.EmbeddedPostgresServer;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state store on PostgreSQL: embedded (started here) or external. Thread-safe; each repository
 * call is its own transaction unless made through {@link #transaction}. With the cache on, single
 * apps and releases read outside transactions come from a {@link ReadCache} that every write, here
 * or in another runtime on the same database, invalidates.
 */
final class JdbcStateStore extends RepositoryAccess {
    private final HikariDataSource pool;
    private final SqlSessionFactory sessions;
    private final AdvisoryJobLocks jobLocks;
    private final Optional<EmbeddedPostgresServer> embedded;
    private final Optional<ReadCache> cache;
    private final Optional<CacheInvalidationListener> listener;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcStateStore(HikariDataSource pool, SqlSessionFactory sessions, Optional<EmbeddedPostgresServer> embedded,
                           DatabaseLogin login, Optional<ReadCache> cache) {
        super(perCall(sessions, cache));
        this.pool = pool;
        this.sessions = sessions;
        this.jobLocks = new AdvisoryJobLocks(pool);
        this.embedded = embedded;
        this.cache = cache;
        this.listener = cache.map(c -> new CacheInvalidationListener(login, c));
    }

    private static Repositories perCall(SqlSessionFactory sessions, Optional<ReadCache> cache) {
        Repositories database = Repositories.over(new PerCallSessions(sessions), changesOf(cache));
        return cache.map(database::readingThrough).orElse(database);
    }

    private static RowChanges changesOf(Optional<ReadCache> cache) {
        return cache.<RowChanges>map(c -> c).orElse(RowChanges.NONE);
    }

    /** Starts the embedded server when {@code settings} name no URL, then pools, migrates and maps. */
    static JdbcStateStore open(JdbcStoreSettings settings, Path dataDir) {
        Optional<EmbeddedPostgresServer> embedded = settings.url().isPresent() ? Optional.empty()
                : Optional.of(EmbeddedPostgresServer.start(dataDir.resolve("postgres"), settings.embeddedPort()));
        HikariDataSource pool = null;
        try {
            DatabaseLogin login = embedded.map(server -> new DatabaseLogin(
                            server.server().jdbcUrl(EmbeddedPostgresServer.DATABASE),
                            Optional.of(server.server().superuser()), Optional.of(server.server().password())))
                    .orElseGet(() -> new DatabaseLogin(settings.url().orElseThrow(), settings.user(), settings.password()));
            pool = StoreDatabase.pool(login, settings.poolSize());
            StoreDatabase.migrate(pool);
            Optional<ReadCache> cache = settings.cache() ? Optional.of(new ReadCache()) : Optional.empty();
            JdbcStateStore store = new JdbcStateStore(pool, StoreDatabase.sessions(pool), embedded, login, cache);
            // The cache serves nothing until the listener is connected, so nothing waits for it here.
            store.listener.ifPresent(CacheInvalidationListener::start);
            return store;
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    @Override
    public <T> T transaction(Function<StateStore, T> work) {
        T result;
        TransactionChanges changes = new TransactionChanges(changesOf(cache));
        try (SqlSession session = sessions.openSession(false)) {
            result = work.apply(new TransactionView(this, new TransactionSession(session), changes));
            try {
                session.commit(true);
            } catch (RuntimeException e) {
                throw SqlErrors.translate(e);
            }
        } finally { // closing an uncommitted session rolled it back
            changes.tellAgain();
        }
        return result;
    }

    /** Whether reads are served from the cache now (on, and its listener connected); for tests. */
    boolean cacheServing() {
        return cache.map(ReadCache::enabled).orElse(false);
    }

    @Override
    public <T> Optional<T> exclusively(String jobName, Supplier<T> job) {
        return jobLocks.runExclusively(jobName, job);
    }

    @Override
    public Optional<ProviderContext.PostgresServer> embeddedServer() {
        return embedded.map(EmbeddedPostgresServer::server);
    }

    /** Closes the pool, then stops the embedded server if this store started one. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            listener.ifPresent(CacheInvalidationListener::close);
            pool.close();
        } finally {
            embedded.ifPresent(EmbeddedPostgresServer::close);
        }
    }

    @Override
    public String toString() {
        return "JdbcStateStore[" + embedded.map(Object::toString).orElse("external") + "]";
    }
}

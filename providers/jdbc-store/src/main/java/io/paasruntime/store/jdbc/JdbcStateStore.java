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
 * call is its own transaction unless made through {@link #transaction}.
 */
final class JdbcStateStore extends RepositoryAccess {
    private final HikariDataSource pool;
    private final SqlSessionFactory sessions;
    private final AdvisoryJobLocks jobLocks;
    private final Optional<EmbeddedPostgresServer> embedded;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcStateStore(HikariDataSource pool, SqlSessionFactory sessions, Optional<EmbeddedPostgresServer> embedded) {
        super(Repositories.over(new PerCallSessions(sessions)));
        this.pool = pool;
        this.sessions = sessions;
        this.jobLocks = new AdvisoryJobLocks(pool);
        this.embedded = embedded;
    }

    /** Starts the embedded server when {@code settings} name no URL, then pools, migrates and maps. */
    static JdbcStateStore open(JdbcStoreSettings settings, Path dataDir) {
        Optional<EmbeddedPostgresServer> embedded = settings.url().isPresent() ? Optional.empty()
                : Optional.of(EmbeddedPostgresServer.start(dataDir.resolve("postgres"), settings.embeddedPort()));
        HikariDataSource pool = null;
        try {
            pool = embedded.map(server -> StoreDatabase.pool(server.server().jdbcUrl(EmbeddedPostgresServer.DATABASE),
                            Optional.of(server.server().superuser()), Optional.of(server.server().password()),
                            settings.poolSize()))
                    .orElseGet(() -> StoreDatabase.pool(settings.url().orElseThrow(), settings.user(),
                            settings.password(), settings.poolSize()));
            StoreDatabase.migrate(pool);
            return new JdbcStateStore(pool, StoreDatabase.sessions(pool), embedded);
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
        try (SqlSession session = sessions.openSession(false)) {
            result = work.apply(new TransactionView(this, new TransactionSession(session)));
            try {
                session.commit(true);
            } catch (RuntimeException e) {
                throw SqlErrors.translate(e);
            }
        } // closing an uncommitted session rolls it back
        return result;
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

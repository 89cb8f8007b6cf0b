package io.paasruntime.store.jdbc;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.function.Function;

/** Each call in a transaction of its own: commit on return, roll back on failure. Thread-safe. */
final class PerCallSessions implements SqlRunner {
    private final SqlSessionFactory sessions;

    PerCallSessions(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public <M, T> T call(Class<M> type, Function<M, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session.getMapper(type));
            session.commit(true);
            return result;
        } catch (RuntimeException e) { // closing an uncommitted session rolls it back
            throw SqlErrors.translate(e);
        }
    }
}

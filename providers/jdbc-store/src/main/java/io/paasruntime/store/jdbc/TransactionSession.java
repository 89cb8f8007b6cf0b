package io.paasruntime.store.jdbc;

import org.apache.ibatis.session.SqlSession;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Function;

/**
 * Every call in one open session, so they share one connection and one transaction. Each call
 * runs under a savepoint: a failed call (say a name conflict the caller catches) is undone alone
 * and does not poison the rest of the transaction. Confined to the thread running the transaction.
 */
final class TransactionSession implements SqlRunner {
    private final SqlSession session;

    TransactionSession(SqlSession session) {
        this.session = session;
    }

    @Override
    public <M, T> T call(Class<M> type, Function<M, T> work) {
        Savepoint savepoint = null;
        try {
            Connection connection = session.getConnection();
            savepoint = connection.setSavepoint();
            T result = work.apply(session.getMapper(type));
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            throw SqlErrors.translate(new IllegalStateException("savepoint failed", e));
        } catch (RuntimeException e) {
            rollbackTo(savepoint, e);
            throw SqlErrors.translate(e);
        }
    }

    private void rollbackTo(Savepoint savepoint, RuntimeException failure) {
        if (savepoint == null) {
            return;
        }
        try {
            session.getConnection().rollback(savepoint);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e); // the connection is gone; the whole transaction fails anyway
        }
    }
}

package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ProviderException;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cluster-wide job locks: PostgreSQL session advisory locks, held on a connection of their own for
 * as long as the job runs, so every runtime sharing the database sees them. A runtime that dies
 * loses its connection and with it the lock.
 */
final class AdvisoryJobLocks {
    private final DataSource pool;

    AdvisoryJobLocks(DataSource pool) {
        this.pool = pool;
    }

    <T> Optional<T> runExclusively(String jobName, Supplier<T> job) {
        long key = keyOf(jobName);
        try (Connection connection = pool.getConnection()) {
            if (!advisory(connection, "SELECT pg_try_advisory_lock(?)", key)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(job.get());
            } finally {
                advisory(connection, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(new IllegalStateException("job lock " + jobName, e));
        }
    }

    private static boolean advisory(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A stable 64-bit lock key per job name, the same in every runtime. */
    static long keyOf(String jobName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("paas-runtime job " + jobName).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw ProviderException.internal("SHA-256 is missing from this JVM", e);
        }
    }
}

package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.IdempotencyRepository;
import io.paasruntime.spi.store.IdempotentResponse;

import java.time.Instant;
import java.util.Optional;

/** Remembered POST answers in PostgreSQL; concurrent first answers race on the primary key. */
final class JdbcIdempotency implements IdempotencyRepository {
    private final SqlRunner sql;

    JdbcIdempotency(SqlRunner sql) {
        this.sql = sql;
    }

    @Override
    public Optional<IdempotentResponse> find(String scope, String key) {
        return sql.call(IdempotencyMapper.class, m -> m.find(scope, key));
    }

    @Override
    public boolean insertIfAbsent(IdempotentResponse response) {
        return sql.call(IdempotencyMapper.class, m -> m.insertIfAbsent(response)) == 1;
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return sql.call(IdempotencyMapper.class, m -> m.deleteOlderThan(cutoff));
    }
}

package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.SigningKey;
import io.paasruntime.spi.store.SigningKeyRepository;

import java.util.List;

/** Signing keys in PostgreSQL, newest first. */
final class JdbcSigningKeys implements SigningKeyRepository {
    private final SqlRunner sql;

    JdbcSigningKeys(SqlRunner sql) {
        this.sql = sql;
    }

    @Override
    public List<SigningKey> list() {
        return sql.call(SigningKeyMapper.class, SigningKeyMapper::list);
    }

    @Override
    public boolean insertIfAbsent(SigningKey key) {
        return sql.call(SigningKeyMapper.class, m -> m.insertIfAbsent(key)) == 1;
    }
}

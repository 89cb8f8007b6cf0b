package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.User;
import io.paasruntime.spi.store.UserRepository;

import java.util.Optional;
import java.util.UUID;

/** Users in PostgreSQL; a unique index on {@code lower(email)} makes emails case-insensitively unique. */
final class JdbcUsers implements UserRepository {
    private final SqlRunner sql;

    JdbcUsers(SqlRunner sql) {
        this.sql = sql;
    }

    @Override
    public void insert(User user) {
        sql.run(UserMapper.class, m -> m.insert(UserMapper.Row.of(user)));
    }

    @Override
    public Optional<User> findById(UUID id) {
        return sql.call(UserMapper.class, m -> m.findById(id)).map(UserMapper.Row::toUser);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return sql.call(UserMapper.class, m -> m.findByEmail(email)).map(UserMapper.Row::toUser);
    }
}

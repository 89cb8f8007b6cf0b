package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.User;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL of the {@code users} table; emails compare by {@code lower()}, like their unique index. */
interface UserMapper {
    String COLUMNS = "id, tenant_id, email, password_hash, created_at";

    /** A users row: {@link User} with a nullable hash. */
    record Row(UUID id, UUID tenantId, String email, String passwordHash, Instant createdAt) {
        static Row of(User user) {
            return new Row(user.id(), user.tenantId(), user.email(), user.passwordHash().orElse(null), user.createdAt());
        }

        User toUser() {
            return new User(id, tenantId, email, Optional.ofNullable(passwordHash), createdAt);
        }
    }

    @Insert("""
            INSERT INTO users (id, tenant_id, email, password_hash, created_at)
            VALUES (#{id}, #{tenantId}, #{email}, #{passwordHash}, #{createdAt})
            """)
    void insert(Row user);

    @Select("SELECT " + COLUMNS + " FROM users WHERE id = #{id}")
    Optional<Row> findById(UUID id);

    @Select("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(#{email})")
    Optional<Row> findByEmail(String email);
}

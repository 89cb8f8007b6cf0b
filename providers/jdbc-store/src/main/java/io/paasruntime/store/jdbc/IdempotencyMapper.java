package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.IdempotentResponse;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.Optional;

/** SQL of the {@code idempotent_responses} table. */
interface IdempotencyMapper {
    @Select("""
            SELECT scope, key, fingerprint, status, body, created_at
              FROM idempotent_responses
             WHERE scope = #{scope} AND key = #{key}
            """)
    Optional<IdempotentResponse> find(String scope, String key);

    /** 1 when stored, 0 when the scope and key had an answer already. */
    @Insert("""
            INSERT INTO idempotent_responses (scope, key, fingerprint, status, body, created_at)
            VALUES (#{scope}, #{key}, #{fingerprint}, #{status}, #{body}, #{createdAt})
            ON CONFLICT (scope, key) DO NOTHING
            """)
    int insertIfAbsent(IdempotentResponse response);

    @Delete("DELETE FROM idempotent_responses WHERE created_at < #{cutoff}")
    int deleteOlderThan(Instant cutoff);
}

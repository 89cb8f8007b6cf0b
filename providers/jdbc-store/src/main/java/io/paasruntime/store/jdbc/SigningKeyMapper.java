package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.SigningKey;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;

import java.util.List;

/** SQL of the {@code signing_keys} table. */
interface SigningKeyMapper {
    @Select("SELECT key_id, private_jwk, created_at FROM signing_keys ORDER BY created_at DESC, key_id DESC")
    List<SigningKey> list();

    /** 1 when stored, 0 when a key with this id exists. */
    @Insert("""
            INSERT INTO signing_keys (key_id, private_jwk, created_at) VALUES (#{keyId}, #{privateJwk}, #{createdAt})
            ON CONFLICT (key_id) DO NOTHING
            """)
    int insertIfAbsent(SigningKey key);
}

package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.Addon;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of the {@code addons} table. */
interface AddonMapper {
    String COLUMNS = "id, tenant_id, app_id, kind, name, plan, status, config_var, provider, external_ref,"
            + " credentials, created_at";

    @Insert("""
            INSERT INTO addons (id, tenant_id, app_id, kind, name, plan, status, config_var, provider, external_ref,
                                credentials, created_at)
            VALUES (#{id}, #{tenantId}, #{appId}, #{kind}, #{name}, #{plan}, #{status}, #{configVar}, #{provider},
                    #{externalRef}, #{credentials}, #{createdAt})
            """)
    void insert(Addon addon);

    @Select("SELECT " + COLUMNS + " FROM addons WHERE tenant_id = #{tenantId} AND id = #{id}")
    Optional<Addon> findById(UUID tenantId, UUID id);

    @Select("SELECT " + COLUMNS + " FROM addons WHERE app_id = #{appId} ORDER BY created_at, id")
    List<Addon> listByApp(UUID appId);

    @Update("UPDATE addons SET status = #{status} WHERE id = #{id}")
    int updateStatus(UUID id, String status);

    @Delete("DELETE FROM addons WHERE id = #{id}")
    int delete(UUID id);
}

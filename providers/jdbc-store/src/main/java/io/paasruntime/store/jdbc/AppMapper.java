package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.App;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of the {@code apps} table. Every lookup on behalf of a tenant names the tenant. */
interface AppMapper {
    String COLUMNS = "id, tenant_id, name, region, created_at, updated_at, deleted_at, current_release_id";

    /** An apps row: {@link App} with nullable columns. */
    record Row(UUID id, UUID tenantId, String name, String region, Instant createdAt, Instant updatedAt,
               Instant deletedAt, UUID currentReleaseId) {
        static Row of(App app) {
            return new Row(app.id(), app.tenantId(), app.name(), app.region(), app.createdAt(), app.updatedAt(),
                    app.deletedAt().orElse(null), app.currentReleaseId().orElse(null));
        }

        App toApp() {
            return new App(id, tenantId, name, region, createdAt, updatedAt, Optional.ofNullable(deletedAt),
                    Optional.ofNullable(currentReleaseId));
        }
    }

    @Insert("""
            INSERT INTO apps (id, tenant_id, name, region, created_at, updated_at, deleted_at, current_release_id)
            VALUES (#{id}, #{tenantId}, #{name}, #{region}, #{createdAt}, #{updatedAt}, #{deletedAt}, #{currentReleaseId})
            """)
    void insert(Row app);

    @Update("""
            UPDATE apps
               SET name = #{name}, region = #{region}, created_at = #{createdAt}, updated_at = #{updatedAt},
                   deleted_at = #{deletedAt}, current_release_id = #{currentReleaseId}
             WHERE id = #{id} AND tenant_id = #{tenantId}
            """)
    int update(Row app);

    @Select("SELECT " + COLUMNS + " FROM apps WHERE tenant_id = #{tenantId} AND id = #{id}")
    Optional<Row> findById(UUID tenantId, UUID id);

    @Select("SELECT " + COLUMNS + " FROM apps WHERE tenant_id = #{tenantId} AND name = #{name} AND deleted_at IS NULL")
    Optional<Row> findLiveByName(UUID tenantId, String name);

    /** One keyset page: ids after {@code afterId} (all when null), ascending. */
    @Select("SELECT " + COLUMNS + """
             FROM apps
             WHERE tenant_id = #{tenantId}
               AND (deleted_at IS NOT NULL) = #{deleted}
               AND (CAST(#{afterId} AS uuid) IS NULL OR id > #{afterId})
             ORDER BY id
             LIMIT #{limit}
            """)
    List<Row> list(UUID tenantId, boolean deleted, UUID afterId, int limit);

    @Select("SELECT " + COLUMNS + " FROM apps WHERE deleted_at IS NULL ORDER BY id")
    List<Row> listAllLive();

    @Select("SELECT " + COLUMNS + " FROM apps WHERE deleted_at < #{cutoff} ORDER BY id")
    List<Row> listDeletedBefore(Instant cutoff);

    /** Releases, formations, config vars and add-on rows go with it (ON DELETE CASCADE). */
    @Delete("DELETE FROM apps WHERE id = #{id}")
    int purge(UUID id);
}

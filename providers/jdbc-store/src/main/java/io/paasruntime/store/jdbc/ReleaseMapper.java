package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.Release;
import io.paasruntime.spi.store.ReleaseStatus;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** SQL of the {@code releases} and {@code release_high_water} tables. */
interface ReleaseMapper {
    String COLUMNS = "id, app_id, version, status, status_reason, source_kind, source, processes, config,"
            + " description, rollback_of, created_at, created_by";

    /** A releases row: {@link Release} with nullable columns, its status as the wire name and its maps as JSON. */
    record Row(UUID id, UUID appId, int version, String status, String statusReason, String sourceKind,
               String source, String processes, String config, String description, Integer rollbackOf,
               Instant createdAt, String createdBy) {
        static Row of(Release r) {
            return new Row(r.id(), r.appId(), r.version(), r.status().wireName(), r.statusReason().orElse(null),
                    r.sourceKind(), r.source(), FlatJson.encode(r.processes()), FlatJson.encode(r.config()),
                    r.description().orElse(null), r.rollbackOf().orElse(null), r.createdAt(), r.createdBy());
        }

        Release toRelease() {
            return new Release(id, appId, version, ReleaseStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                    Optional.ofNullable(statusReason), sourceKind, source, FlatJson.decode(processes),
                    FlatJson.decode(config), Optional.ofNullable(description), Optional.ofNullable(rollbackOf),
                    createdAt, createdBy);
        }
    }

    @Insert("""
            INSERT INTO releases (id, app_id, version, status, status_reason, source_kind, source, processes, config,
                                  description, rollback_of, created_at, created_by)
            VALUES (#{id}, #{appId}, #{version}, #{status}, #{statusReason}, #{sourceKind}, #{source},
                    CAST(#{processes} AS jsonb), CAST(#{config} AS jsonb),
                    #{description}, #{rollbackOf}, #{createdAt}, #{createdBy})
            """)
    void insert(Row release);

    @Insert("""
            INSERT INTO release_high_water (app_id, max_version) VALUES (#{appId}, #{version})
            ON CONFLICT (app_id) DO UPDATE SET max_version = greatest(release_high_water.max_version, EXCLUDED.max_version)
            """)
    void raiseHighWater(UUID appId, int version);

    @Select("SELECT coalesce((SELECT max_version FROM release_high_water WHERE app_id = #{appId}), 0)")
    int maxVersion(UUID appId);

    @Select("SELECT " + COLUMNS + " FROM releases WHERE app_id = #{appId} AND id = #{id}")
    Optional<Row> findById(UUID appId, UUID id);

    @Select("SELECT " + COLUMNS + " FROM releases WHERE app_id = #{appId} AND version = #{version}")
    Optional<Row> findByVersion(UUID appId, int version);

    /** One keyset page: versions below {@code beforeVersion} (all when null), newest first. */
    @Select("SELECT " + COLUMNS + """
             FROM releases
             WHERE app_id = #{appId}
               AND (CAST(#{beforeVersion} AS integer) IS NULL OR version < #{beforeVersion})
             ORDER BY version DESC
             LIMIT #{limit}
            """)
    List<Row> list(UUID appId, Integer beforeVersion, int limit);

    @Select("SELECT " + COLUMNS + """
             FROM releases
             WHERE status = ANY(#{statuses,typeHandler=org.apache.ibatis.type.ArrayTypeHandler})
             ORDER BY created_at, version
            """)
    List<Row> listByStatus(String[] statuses);

    @Update("UPDATE releases SET status = #{status}, status_reason = #{reason} WHERE id = #{id}")
    int updateStatus(UUID id, String status, String reason);
}

package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.ProcessFormation;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;

import java.util.List;
import java.util.UUID;

/** SQL of the {@code formations} and {@code config_vars} tables. */
interface SettingsMapper {

    /** One config var. */
    record ConfigVar(String name, String value) {
    }

    @Select("SELECT process_type AS type, replicas, size FROM formations WHERE app_id = #{appId}")
    List<ProcessFormation> formation(UUID appId);

    @Insert("""
            INSERT INTO formations (app_id, process_type, replicas, size)
            VALUES (#{appId}, #{f.type}, #{f.replicas}, #{f.size})
            ON CONFLICT (app_id, process_type) DO UPDATE SET replicas = EXCLUDED.replicas, size = EXCLUDED.size
            """)
    void putFormation(UUID appId, ProcessFormation f);

    @Select("SELECT name, value FROM config_vars WHERE app_id = #{appId}")
    List<ConfigVar> configVars(UUID appId);

    @Delete("DELETE FROM config_vars WHERE app_id = #{appId}")
    void deleteConfigVars(UUID appId);

    /** Inserts all pairs in one statement: names[i] = values[i]. */
    @Insert("""
            INSERT INTO config_vars (app_id, name, value)
            SELECT #{appId}, v.name, v.value
              FROM unnest(CAST(#{names,typeHandler=org.apache.ibatis.type.ArrayTypeHandler} AS text[]),
                          CAST(#{values,typeHandler=org.apache.ibatis.type.ArrayTypeHandler} AS text[])) AS v (name, value)
            """)
    void insertConfigVars(UUID appId, String[] names, String[] values);
}

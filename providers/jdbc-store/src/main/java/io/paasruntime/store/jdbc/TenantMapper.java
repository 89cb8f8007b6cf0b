package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.Tenant;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;

import java.util.Optional;
import java.util.UUID;

/** SQL of the {@code tenants} table. */
interface TenantMapper {
    @Insert("INSERT INTO tenants (id, name, created_at) VALUES (#{id}, #{name}, #{createdAt})")
    void insert(Tenant tenant);

    @Select("SELECT id, name, created_at FROM tenants WHERE id = #{id}")
    Optional<Tenant> findById(UUID id);

    @Select("SELECT id, name, created_at FROM tenants WHERE name = #{name}")
    Optional<Tenant> findByName(String name);

    @Delete("DELETE FROM tenants WHERE id = #{id}")
    int delete(UUID id);
}

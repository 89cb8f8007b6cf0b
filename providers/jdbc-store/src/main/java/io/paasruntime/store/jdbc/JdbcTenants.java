package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.Tenant;
import io.paasruntime.spi.store.TenantRepository;

import java.util.Optional;
import java.util.UUID;

/** Tenants in PostgreSQL. */
final class JdbcTenants implements TenantRepository {
    private final SqlRunner sql;

    JdbcTenants(SqlRunner sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Tenant tenant) {
        sql.run(TenantMapper.class, m -> m.insert(tenant));
    }

    @Override
    public Optional<Tenant> findById(UUID id) {
        return sql.call(TenantMapper.class, m -> m.findById(id));
    }

    @Override
    public Optional<Tenant> findByName(String name) {
        return sql.call(TenantMapper.class, m -> m.findByName(name));
    }

    @Override
    public void delete(UUID id) {
        sql.run(TenantMapper.class, m -> m.delete(id));
    }
}

package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.Tenant;
import io.paasruntime.spi.store.TenantRepository;

import java.util.Optional;
import java.util.UUID;

/** Tenants in PostgreSQL. Deleting one tells {@code changes}: its apps and releases go with it. */
final class JdbcTenants implements TenantRepository {
    private final SqlRunner sql;
    private final RowChanges changes;

    JdbcTenants(SqlRunner sql, RowChanges changes) {
        this.sql = sql;
        this.changes = changes;
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
        try {
            sql.run(TenantMapper.class, m -> m.delete(id));
        } finally {
            changes.tenantDeleted(id);
        }
    }
}

package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.Addon;
import io.paasruntime.spi.store.AddonRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Add-ons in PostgreSQL; names are unique per tenant. */
final class JdbcAddons implements AddonRepository {
    private final SqlRunner sql;

    JdbcAddons(SqlRunner sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Addon addon) {
        sql.run(AddonMapper.class, m -> m.insert(addon));
    }

    @Override
    public Optional<Addon> findById(UUID tenantId, UUID id) {
        return sql.call(AddonMapper.class, m -> m.findById(tenantId, id));
    }

    @Override
    public List<Addon> listByApp(UUID appId) {
        return sql.call(AddonMapper.class, m -> m.listByApp(appId));
    }

    @Override
    public void updateStatus(UUID id, String status) {
        if (sql.call(AddonMapper.class, m -> m.updateStatus(id, status)) == 0) {
            throw ProviderException.notFound("add-on " + id + " not found");
        }
    }

    @Override
    public void delete(UUID id) {
        sql.run(AddonMapper.class, m -> m.delete(id));
    }
}

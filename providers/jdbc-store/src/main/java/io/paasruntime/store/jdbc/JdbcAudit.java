package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.AuditEvent;
import io.paasruntime.spi.store.AuditRepository;

import java.util.List;
import java.util.UUID;

/** The audit trail in PostgreSQL. */
final class JdbcAudit implements AuditRepository {
    private final SqlRunner sql;

    JdbcAudit(SqlRunner sql) {
        this.sql = sql;
    }

    @Override
    public void append(AuditEvent event) {
        sql.run(AuditMapper.class, m -> m.append(event));
    }

    @Override
    public List<AuditEvent> recent(UUID tenantId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return sql.call(AuditMapper.class, m -> m.recent(tenantId, limit));
    }
}

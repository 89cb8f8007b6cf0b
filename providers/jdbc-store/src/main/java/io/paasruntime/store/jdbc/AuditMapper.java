package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.AuditEvent;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;

import java.util.List;
import java.util.UUID;

/** SQL of the append-only {@code audit_events} table. */
interface AuditMapper {
    @Insert("""
            INSERT INTO audit_events (id, tenant_id, actor, action, resource_type, resource_id, request_id, at, detail)
            VALUES (#{id}, #{tenantId}, #{actor}, #{action}, #{resourceType}, #{resourceId}, #{requestId}, #{at}, #{detail})
            """)
    void append(AuditEvent event);

    /** Newest first; among events of the same instant, the last appended first. */
    @Select("""
            SELECT id, tenant_id, actor, action, resource_type, resource_id, request_id, at, detail
              FROM audit_events
             WHERE tenant_id = #{tenantId}
             ORDER BY at DESC, seq DESC
             LIMIT #{limit}
            """)
    List<AuditEvent> recent(UUID tenantId, int limit);
}

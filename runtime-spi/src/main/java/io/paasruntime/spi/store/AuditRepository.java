package io.paasruntime.spi.store;

import java.util.List;
import java.util.UUID;

/** The append-only audit trail. */
public interface AuditRepository {
    void append(AuditEvent event);

    /** The tenant's newest events first. */
    List<AuditEvent> recent(UUID tenantId, int limit);
}

package io.paasruntime.tck.store;

import io.paasruntime.spi.store.AuditEvent;
import io.paasruntime.spi.store.AuditRepository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The audit trail of an {@link InMemoryStateStore}, kept in append order. */
final class InMemoryAudit implements AuditRepository {
    private final InMemoryStateStore store;

    InMemoryAudit(InMemoryStateStore store) {
        this.store = store;
    }

    @Override
    public void append(AuditEvent event) {
        store.locked(t -> t.audit.add(event));
    }

    @Override
    public List<AuditEvent> recent(UUID tenantId, int limit) {
        return store.locked(t -> {
            List<AuditEvent> newestAppendedFirst = new ArrayList<>(t.audit);
            Collections.reverse(newestAppendedFirst);
            // Stable sort: events with the same time keep newest-appended-first order.
            return newestAppendedFirst.stream()
                    .filter(e -> e.tenantId().equals(tenantId))
                    .sorted(Comparator.comparing(AuditEvent::at).reversed())
                    .limit(Math.max(0, limit))
                    .toList();
        });
    }
}

package io.paasruntime.core.audit;

import io.paasruntime.core.support.Caller;
import io.paasruntime.core.support.IdGenerator;
import io.paasruntime.core.support.Times;
import io.paasruntime.spi.store.AuditEvent;
import io.paasruntime.spi.store.StateStore;

import java.time.Clock;
import java.util.UUID;

/** Records who did what to which resource. Details never hold secret values. */
public final class Audit {
    private final StateStore store;
    private final Clock clock;
    private final IdGenerator ids;

    public Audit(StateStore store, Clock clock, IdGenerator ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    public void record(Caller caller, String action, String resourceType, Object resourceId, String detail) {
        record(caller.tenantId(), caller.actor(), caller.requestId(), action, resourceType, resourceId, detail);
    }

    public void record(UUID tenantId, String actor, String requestId, String action, String resourceType,
                       Object resourceId, String detail) {
        store.audit().append(new AuditEvent(ids.next(), tenantId, actor, action, resourceType,
                String.valueOf(resourceId), requestId, Times.now(clock), detail));
    }
}

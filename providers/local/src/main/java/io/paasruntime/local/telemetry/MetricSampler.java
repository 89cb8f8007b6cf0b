package io.paasruntime.local.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One sampling pass: for every instance in the {@link LocalProcessTable}, the CPU (percent of one
 * core since the previous pass: the difference of its group's ticks over the time between) and the
 * RSS of its process group; for every app's router, the requests it answered since the previous
 * pass (the difference of its running count). Recorded in the {@link LocalMetricStore}. Run by one
 * thread at a time.
 */
final class MetricSampler implements Runnable {
    private static final System.Logger LOG = System.getLogger(MetricSampler.class.getName());

    private final LocalProcessTable table;
    private final LocalMetricStore store;
    private final ProcStats proc;
    private final Clock clock;
    private final Map<String, Reading> previous = new HashMap<>();
    private final Map<UUID, Count> previousCounts = new HashMap<>();
    private boolean warned;

    /** The last reading of a slot's process: ticks at a monotonic time. */
    private record Reading(long pid, long ticks, long nanoTime) {
    }

    /** The running count of an app's router at the last pass. */
    private record Count(ServedRequests counter, long total) {
    }

    MetricSampler(LocalProcessTable table, LocalMetricStore store, ProcStats proc, Clock clock) {
        this.table = table;
        this.store = store;
        this.proc = proc;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            sample();
        } catch (RuntimeException e) {
            if (!warned) {
                LOG.log(System.Logger.Level.WARNING, "sampling /proc failed: " + e);
                warned = true;
            }
        }
    }

    private void sample() {
        List<LocalProcessTable.RunningInstance> running = table.running();
        Instant at = clock.instant();
        Set<String> seen = new HashSet<>();
        if (!running.isEmpty()) {
            Map<Long, ProcStats.GroupUsage> groups = proc.byGroup();
            long now = System.nanoTime();
            for (LocalProcessTable.RunningInstance instance : running) {
                ProcStats.GroupUsage usage = groups.get(instance.pid());
                if (usage == null) {
                    continue; // exited since the table was read
                }
                seen.add(instance.key());
                Reading before = previous.put(instance.key(), new Reading(instance.pid(), usage.ticks(), now));
                double cpu = Double.NaN;
                if (before != null && before.pid() == instance.pid() && now > before.nanoTime()) {
                    double seconds = (usage.ticks() - before.ticks()) / (double) proc.ticksPerSecond;
                    cpu = Math.max(0, seconds / ((now - before.nanoTime()) / 1e9) * 100);
                }
                store.record(instance.appId(), instance.process(), instance.slot(), at, cpu, usage.rssBytes());
            }
        }
        previous.keySet().retainAll(seen);
        countRequests(running, at);
        store.prune(at);
    }

    /**
     * Records each router's requests since the previous pass: while the app runs a web process (so
     * an idle app shows zeros), or when there were requests (a router answering 503 while no web
     * process is up); an app that is stopped adds nothing. A router not seen before (or created
     * anew after its app was purged) counts from zero.
     */
    private void countRequests(List<LocalProcessTable.RunningInstance> running, Instant at) {
        Set<UUID> serving = new HashSet<>();
        running.stream().filter(i -> i.process().equals("web")).forEach(i -> serving.add(i.appId()));
        Map<UUID, ServedRequests> counters = table.servedRequests();
        counters.forEach((appId, counter) -> {
            long total = counter.total();
            Count before = previousCounts.put(appId, new Count(counter, total));
            long since = before != null && before.counter() == counter ? total - before.total() : total;
            if (since > 0 || serving.contains(appId)) {
                store.recordRequests(appId, at, since);
            }
        });
        previousCounts.keySet().retainAll(counters.keySet());
    }
}

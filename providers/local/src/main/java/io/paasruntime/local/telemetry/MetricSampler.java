package io.paasruntime.local.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sampling pass: for every instance in the {@link LocalProcessTable}, the CPU (percent of one
 * core since the previous pass: the difference of its group's ticks over the time between) and the
 * RSS of its process group, recorded in the {@link LocalMetricStore}. Run by one thread at a time.
 */
final class MetricSampler implements Runnable {
    private static final System.Logger LOG = System.getLogger(MetricSampler.class.getName());

    private final LocalProcessTable table;
    private final LocalMetricStore store;
    private final ProcStats proc;
    private final Clock clock;
    private final Map<String, Reading> previous = new HashMap<>();
    private boolean warned;

    /** The last reading of a slot's process: ticks at a monotonic time. */
    private record Reading(long pid, long ticks, long nanoTime) {
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
                seen.add(instance.slot());
                Reading before = previous.put(instance.slot(), new Reading(instance.pid(), usage.ticks(), now));
                double cpu = Double.NaN;
                if (before != null && before.pid() == instance.pid() && now > before.nanoTime()) {
                    double seconds = (usage.ticks() - before.ticks()) / (double) proc.ticksPerSecond;
                    cpu = Math.max(0, seconds / ((now - before.nanoTime()) / 1e9) * 100);
                }
                store.record(instance.appId(), instance.process(), instance.slot(), at, cpu, usage.rssBytes());
            }
        }
        previous.keySet().retainAll(seen);
        store.prune(at);
    }
}

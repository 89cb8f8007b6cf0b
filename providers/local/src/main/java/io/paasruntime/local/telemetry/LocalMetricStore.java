package io.paasruntime.local.telemetry;

import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * CPU and memory samples of local instances and request counts of the apps' routers, kept in memory
 * per instance start and per router (see {@link InstanceSeries} for the resolutions and how long
 * each is kept), and restarts counted from the {@link LocalProcessTable}. Everything here is lost
 * when the server restarts. Thread-safe.
 *
 * <p>A CPU or memory point is the bucket's sum over the process type's instances of each instance's
 * average in that bucket; a requests point is the number of requests counted in the bucket (process
 * {@code web}). Buckets start at multiples of the step (since the epoch), so a chart does not shift
 * between two reads. CPU, memory and requests have points only where there were samples; restarts
 * have a point (0 or more) in every bucket, for every process type seen in the range.
 */
final class LocalMetricStore {
    /** The router's requests are kept like an instance's samples, under a slot no instance has. */
    private static final String ROUTER_SLOT = "router";
    private static final String ROUTED_PROCESS = "web";

    private final Map<UUID, Map<String, InstanceSeries>> apps = new HashMap<>();

    synchronized void record(UUID appId, String process, String slot, Instant at, double cpuPercent, double rssBytes) {
        apps.computeIfAbsent(appId, id -> new HashMap<>())
                .computeIfAbsent(slot, s -> new InstanceSeries(process))
                .add(at.toEpochMilli(), cpuPercent, rssBytes, Double.NaN);
    }

    /** {@code count} requests answered by the app's router since its previous record, counted at {@code at}. */
    synchronized void recordRequests(UUID appId, Instant at, long count) {
        apps.computeIfAbsent(appId, id -> new HashMap<>())
                .computeIfAbsent(ROUTER_SLOT, s -> new InstanceSeries(ROUTED_PROCESS))
                .add(at.toEpochMilli(), Double.NaN, Double.NaN, count);
    }

    /** Drops what is older than the longest window, and instances with nothing left. */
    synchronized void prune(Instant now) {
        long nowMs = now.toEpochMilli();
        apps.values().forEach(slots -> {
            slots.values().forEach(s -> s.prune(nowMs));
            slots.values().removeIf(InstanceSeries::isEmpty);
        });
        apps.values().removeIf(Map::isEmpty);
    }

    synchronized void forget(UUID appId) {
        apps.remove(appId);
    }

    MetricSeries series(UUID appId, MetricKind kind, Duration range, Duration step, Instant now, LocalProcessTable table) {
        long stepMs = Math.max(1, step.toMillis());
        long endMs = now.toEpochMilli();
        long firstBucket = Math.floorDiv(endMs - range.toMillis(), stepMs) * stepMs;
        int buckets = (int) ((endMs - firstBucket) / stepMs) + 1;
        Map<String, double[]> sums = new TreeMap<>(WEB_FIRST);
        Map<String, boolean[]> present = new HashMap<>();
        switch (kind) {
            case CPU -> sampled(appId, InstanceSeries.Measure.CPU, range, firstBucket, stepMs, buckets, sums, present);
            case MEMORY -> sampled(appId, InstanceSeries.Measure.MEMORY, range, firstBucket, stepMs, buckets, sums, present);
            case REQUESTS -> sampled(appId, InstanceSeries.Measure.REQUESTS, range, firstBucket, stepMs, buckets, sums, present);
            case RESTARTS -> restarts(appId, table, firstBucket, stepMs, buckets, sums, present);
        }
        List<MetricSeries.ProcessSeries> series = new ArrayList<>();
        sums.forEach((process, values) -> {
            boolean[] has = present.get(process);
            List<MetricSeries.Point> points = new ArrayList<>();
            for (int b = 0; b < buckets; b++) {
                if (has[b]) {
                    points.add(new MetricSeries.Point(Instant.ofEpochMilli(firstBucket + b * stepMs), values[b]));
                }
            }
            series.add(new MetricSeries.ProcessSeries(process, points));
        });
        return new MetricSeries(kind, range, step, series);
    }

    private synchronized void sampled(UUID appId, InstanceSeries.Measure measure, Duration range, long firstBucket, long stepMs, int buckets,
                                      Map<String, double[]> sums, Map<String, boolean[]> present) {
        boolean fine = range.compareTo(InstanceSeries.RAW_WINDOW) <= 0;
        for (InstanceSeries instance : apps.getOrDefault(appId, Map.of()).values()) {
            double[] total = new double[buckets];
            int[] count = new int[buckets];
            instance.forEach(measure, fine, firstBucket, (atMs, value) -> {
                int b = (int) ((atMs - firstBucket) / stepMs);
                if (b >= 0 && b < buckets) {
                    total[b] += value;
                    count[b]++;
                }
            });
            double[] sum = sums.computeIfAbsent(instance.process, p -> new double[buckets]);
            boolean[] has = present.computeIfAbsent(instance.process, p -> new boolean[buckets]);
            for (int b = 0; b < buckets; b++) {
                if (count[b] > 0) {
                    sum[b] += measure.averaged ? total[b] / count[b] : total[b];
                    has[b] = true;
                }
            }
        }
        sums.keySet().removeIf(p -> !anyTrue(present.get(p)));
    }

    private synchronized void restarts(UUID appId, LocalProcessTable table, long firstBucket, long stepMs, int buckets,
                                       Map<String, double[]> sums, Map<String, boolean[]> present) {
        List<String> processes = new ArrayList<>();
        apps.getOrDefault(appId, Map.of()).values().forEach(i -> processes.add(i.process));
        table.running().stream().filter(i -> i.appId().equals(appId)).forEach(i -> processes.add(i.process()));
        List<LocalProcessTable.Restart> events = table.restarts(appId, Instant.ofEpochMilli(firstBucket));
        events.forEach(r -> processes.add(r.process()));
        for (String process : processes) {
            sums.computeIfAbsent(process, p -> new double[buckets]);
            present.computeIfAbsent(process, p -> filled(buckets));
        }
        for (LocalProcessTable.Restart r : events) {
            int b = (int) ((r.at().toEpochMilli() - firstBucket) / stepMs);
            if (b >= 0 && b < buckets) {
                sums.get(r.process())[b]++;
            }
        }
    }

    private static boolean[] filled(int n) {
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        return all;
    }

    private static boolean anyTrue(boolean[] values) {
        for (boolean v : values) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    /** {@code web} first, then the other process types by name, as the processes list shows them. */
    static final Comparator<String> WEB_FIRST = Comparator.comparing((String p) -> !p.equals("web")).thenComparing(p -> p);
}

package io.paasruntime.local.telemetry.bench;

import io.paasruntime.local.telemetry.LocalLogStore;
import io.paasruntime.local.telemetry.LogRetention;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogPage;
import io.paasruntime.spi.telemetry.LogQuery;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fills one app's log with {@code LINES} lines through the local log store (not through processes),
 * then times "the last 100 lines" (p50/p99 over 200 runs) on the warm store and again after a
 * reopen (a server restart), and prints heap and RSS with that retention. Run by {@code bench/logs.sh}.
 */
public final class LogStoreBench {
    private static final int LINES = Integer.getInteger("lines", 1_000_000);
    private static final int RUNS = 200;

    private LogStoreBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("paas-logs-bench");
        LogRetention retention = new LogRetention(LINES, 1L << 30);
        UUID app = UUID.randomUUID();
        long heapBefore = usedHeapAfterGc();
        long rssBefore = rssBytes();

        LocalLogStore store = LocalLogStore.open(dir);
        store.retention(retention);
        Instant t0 = Instant.now().minusSeconds(LINES / 1000 + 60);
        long began = System.nanoTime();
        for (int i = 0; i < LINES; i++) {
            String process = i % 4 == 3 ? "worker" : "web";
            String message = process.equals("web")
                    ? "web.1 \"GET /items/" + (i % 5000) + "?page=" + (i % 7) + " HTTP/1.1\" 200 " + (i % 90) + "ms"
                    : "worker tick " + (1_700_000_000 + i / 1000) + " processed " + (i % 13) + " jobs";
            store.append(app, new LogLine(t0.plusNanos(i * 1_000_000L + i % 1000), process, process + ".1",
                    i % 50 == 0 ? "stderr" : "stdout", message));
        }
        double fillSeconds = (System.nanoTime() - began) / 1e9;
        print("lines_retained", store.retainedLines(app));
        print("record_bytes_retained", store.retainedBytes(app));
        print("disk_bytes", diskBytes(dir));
        print("fill_lines_per_second", Math.round(LINES / fillSeconds));

        timeLast100("warm", store, app);
        print("query_q_no_match_full_scan_ms", Math.round(millis(() -> store.query(app, new LogQuery(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("no such text anywhere"), 100, Optional.empty())))));
        print("heap_used_delta_mb", mb(usedHeapAfterGc() - heapBefore));
        print("rss_delta_mb", mb(rssBytes() - rssBefore));
        print("rss_mb", mb(rssBytes()));
        store.close();

        LocalLogStore reopened = LocalLogStore.open(dir);
        reopened.retention(retention);
        print("after_restart_first_query_ms (index load)", String.format(Locale.ROOT, "%.1f", millis(() -> reopened.recent(app, 100))));
        timeLast100("after_restart", reopened, app);
        reopened.close();
    }

    private static void timeLast100(String label, LocalLogStore store, UUID app) {
        LogQuery last100 = new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100, Optional.empty());
        for (int i = 0; i < 50; i++) {
            store.query(app, last100); // warm-up
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            LogPage page = store.query(app, last100);
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (page.lines().size() != 100) {
                throw new IllegalStateException("expected 100 lines, got " + page.lines().size());
            }
        }
        Arrays.sort(ms);
        print(label + "_last100_p50_ms", String.format(Locale.ROOT, "%.3f", ms[RUNS / 2]));
        print(label + "_last100_p99_ms", String.format(Locale.ROOT, "%.3f", ms[(int) Math.ceil(RUNS * 0.99) - 1]));
        print(label + "_last100_max_ms", String.format(Locale.ROOT, "%.3f", ms[RUNS - 1]));
    }

    private static double millis(Runnable run) {
        long t = System.nanoTime();
        run.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    private static long diskBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static void print(String name, Object value) {
        System.out.println(name + ": " + value);
    }
}

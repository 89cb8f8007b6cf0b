package io.paasruntime.local.telemetry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CPU time and resident memory of process groups, read from {@code /proc/<pid>/stat} in one pass.
 * Local instances lead their own process group (they start through {@code setsid}), so a group is
 * an instance's whole process tree, forks included.
 */
final class ProcStats {
    private static final Path PROC = Path.of("/proc");

    /** Clock ticks per second ({@code getconf CLK_TCK}) and the page size in bytes. */
    final long ticksPerSecond;
    final long pageBytes;

    private ProcStats(long ticksPerSecond, long pageBytes) {
        this.ticksPerSecond = ticksPerSecond;
        this.pageBytes = pageBytes;
    }

    static ProcStats ofThisMachine() {
        return new ProcStats(getconf("CLK_TCK", 100), getconf("PAGESIZE", 4096));
    }

    /** The usage of one process group: CPU ticks (own and reaped children's) and RSS. */
    record GroupUsage(long ticks, long rssBytes) {
        GroupUsage plus(long moreTicks, long moreRss) {
            return new GroupUsage(ticks + moreTicks, rssBytes + moreRss);
        }
    }

    /** Process group id → usage summed over its live processes. */
    Map<Long, GroupUsage> byGroup() {
        Map<Long, GroupUsage> groups = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : dirs) {
                String[] f = fields(dir.resolve("stat"));
                if (f == null || f.length < 22) {
                    continue; // the process ended while we listed, or a kernel we do not understand
                }
                long pgrp = Long.parseLong(f[2]);
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                long rss = f[0].equals("Z") ? 0 : Long.parseLong(f[21]) * pageBytes;
                groups.merge(pgrp, new GroupUsage(ticks, rss), (a, b) -> a.plus(b.ticks(), b.rssBytes()));
            }
        } catch (IOException | NumberFormatException e) {
            return groups;
        }
        return groups;
    }

    /** The fields after the command name: index 0 is the state (field 3 of proc(5)). */
    private static String[] fields(Path stat) {
        try {
            String line = Files.readString(stat, StandardCharsets.US_ASCII);
            int close = line.lastIndexOf(')');
            return close < 0 ? null : line.substring(close + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long getconf(String name, long fallback) {
        try {
            Process p = new ProcessBuilder("getconf", name).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? Long.parseLong(out) : fallback;
        } catch (IOException | NumberFormatException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }
}

package io.paasruntime.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What runs on this machine, read from {@code /proc}: to prove which app processes exist, not what the API says. */
final class ProcTable {
    private ProcTable() {
    }

    /**
     * One live (not zombie) process. {@code startTicks} with {@code pid} identifies it across pid reuse.
     *
     * @param app      its {@code PAAS_APP}, if the runtime started it for an app
     * @param instance its {@code PAAS_INSTANCE} ({@code web.1}, …), shared by the shell and its children
     * @param cwd      its working directory, if readable
     */
    record OsProcess(long pid, long startTicks, long processGroup, Optional<String> app, Optional<String> instance,
                     Optional<Path> cwd, String command) {
        /** pid and start time: two records with the same identity are the same process. */
        String identity() {
            return pid + "@" + startTicks;
        }
    }

    /** Every live process whose {@code PAAS_APP} is {@code app} or whose working directory is below {@code dir}. */
    static List<OsProcess> ofAppOrUnder(String app, Path dir) throws IOException {
        Path real = dir.toRealPath();
        return all().stream().filter(p -> p.app().equals(Optional.of(app)) || p.cwd().map(c -> c.startsWith(real)).orElse(false))
                .toList();
    }

    /** Every live process whose working directory is below {@code dir} (app processes, the embedded PostgreSQL). */
    static List<OsProcess> under(Path dir) throws IOException {
        Path real = dir.toRealPath();
        return all().stream().filter(p -> p.cwd().map(c -> c.startsWith(real)).orElse(false)).toList();
    }

    static List<OsProcess> all() throws IOException {
        List<OsProcess> found = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                read(proc).ifPresent(found::add);
            }
        }
        return found;
    }

    private static Optional<OsProcess> read(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // the command name in parentheses may hold spaces: fields are counted after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (fields[0].equals("Z") || fields[0].equals("X")) {
                return Optional.empty();
            }
            long group = Long.parseLong(fields[2]);
            long startTicks = Long.parseLong(fields[19]);
            Map<String, String> env = environ(proc);
            Optional<Path> cwd;
            try {
                cwd = Optional.of(Files.readSymbolicLink(proc.resolve("cwd")));
            } catch (IOException e) {
                cwd = Optional.empty();
            }
            String command = Files.readString(proc.resolve("cmdline")).replace('\0', ' ').trim();
            return Optional.of(new OsProcess(Long.parseLong(proc.getFileName().toString()), startTicks, group,
                    Optional.ofNullable(env.get("PAAS_APP")), Optional.ofNullable(env.get("PAAS_INSTANCE")), cwd, command));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // it ended while we looked, or it is not ours to read
        }
    }

    private static Map<String, String> environ(Path proc) {
        Map<String, String> env = new HashMap<>();
        try {
            for (String entry : new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            // kernel threads and processes of other users without permission: no environment
        }
        return env;
    }
}

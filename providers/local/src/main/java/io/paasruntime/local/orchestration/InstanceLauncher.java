package io.paasruntime.local.orchestration;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Starts one instance as an OS process:
 * {@code setsid prlimit <limits> -- [setpriv <app uid> --] /bin/sh -c <boot> paas <command>}, each
 * step exec-ing the next, so the shell leads its own process group (see {@link ProcessGroups}), runs
 * with the size's limits and, when the runtime is root, under the app's own unprivileged uid (see
 * {@link AppUids}; the group is the app user's), which alone may enter the app's release and run
 * directories ({@link AppDirectories}). The working directory is the release directory, entered by
 * the boot shell once it runs as the app's uid: the app owns {@code releases/<appId>} and may have
 * swapped its release for a link, which root must not follow (a working directory entered as root
 * would let the app's uid read below directories closed to it, e.g. another app's release). The
 * chain itself starts in {@code /}. HOME and TMPDIR are the instance's own.
 *
 * <p>The tools of that chain run as root, so they run with absolute paths and a fixed two-variable
 * environment: nothing the tenant sets ({@code LD_PRELOAD}, {@code PATH}, {@code GCONV_PATH}, …)
 * reaches them. The app's environment (its config vars and the runtime's {@code PORT}, {@code PS},
 * …) travels on the boot shell's standard input as {@code export} lines, read only once the shell
 * runs as the app's uid, which then exec's the command with standard input from /dev/null. It is
 * never in an argument list, where any user could read it in {@code /proc/<pid>/cmdline}. The
 * runtime's own variables, which may hold its secrets, are never inherited.
 */
final class InstanceLauncher {
    static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";
    /** Reads the app's environment from stdin as the app's uid, then becomes the command ($1). */
    static final String BOOT = "eval \"$(cat)\"; exec /bin/sh -c \"$1\" </dev/null";
    private static final Pattern SHELL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> TOOL_DIRS = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin");
    /** Resolved once per tool, not on every launch. */
    private static final Map<String, String> TOOLS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Optional<AppUser> user;
    private final PidFiles pidFiles;
    private final AppUids uids;
    private final AppDirectories dirs;

    InstanceLauncher(Optional<AppUser> user, PidFiles pidFiles, AppUids uids, AppDirectories dirs) {
        this.user = user;
        this.pidFiles = pidFiles;
        this.uids = uids;
        this.dirs = dirs;
    }

    /** A started process and what identifies it in {@code /proc}. */
    record LaunchedProcess(Process process, long pid, long startTicks) {
    }

    LaunchedProcess launch(InstanceSpec spec) throws IOException {
        Path slot = spec.instanceDir();
        dirs.passThrough(slot.getParent().getParent());
        dirs.passThrough(slot.getParent());
        dirs.appOnly(slot, spec.app().appId(), "home", "tmp");
        Path home = slot.resolve("home");
        Path tmp = slot.resolve("tmp");
        ProcessBuilder builder = new ProcessBuilder(command(spec))
                .directory(new java.io.File("/"))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", DEFAULT_PATH);
        env.put("LANG", "C.UTF-8");
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(bootScript(spec.releaseDir(), environment(spec, home, tmp)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new IOException("the process ended before it read its environment", e);
        }
        long pid = process.pid();
        OptionalLong ticks = ProcessGroups.startTicks(pid);
        if (ticks.isPresent()) {
            pidFiles.record(spec.app().appId(), spec.slot(), pid, ticks.getAsLong());
        }
        return new LaunchedProcess(process, pid, ticks.orElse(-1));
    }

    /** The uid the instance's processes run as, when it is not the runtime's own. */
    OptionalInt appUid(InstanceSpec spec) {
        return user.isPresent() ? OptionalInt.of(uids.uidFor(spec.app().appId())) : OptionalInt.empty();
    }

    /**
     * Ends every process of the app, whatever group or session it is in (see
     * {@link ProcessGroups#killUid}), once none of its instances is to run any more. Only when the
     * runtime is root: otherwise the app shares the runtime's uid and only its groups can be signalled.
     */
    int endAllProcesses(UUID appId, Instant deadline) {
        if (user.isEmpty()) {
            return 0;
        }
        OptionalInt uid = uids.known(appId);
        return uid.isPresent() ? ProcessGroups.killUid(uid.getAsInt(), deadline) : 0;
    }

    /** Removes what {@link #launch} left for this instance once it is stopped for good. */
    void cleanUp(InstanceSpec spec) throws IOException {
        pidFiles.forget(spec.app().appId(), spec.slot());
        FileTrees.deleteRecursively(spec.instanceDir());
    }

    List<String> command(InstanceSpec spec) {
        ProcessSize size = spec.size();
        List<String> argv = new ArrayList<>(List.of(tool("setsid"), tool("prlimit"),
                "--data=" + size.memoryBytes, "--nofile=" + size.openFiles, "--core=0"));
        user.ifPresent(u -> argv.add("--nproc=" + size.processes));
        argv.add("--");
        user.ifPresent(u -> argv.addAll(List.of(tool("setpriv"), "--reuid=" + uids.uidFor(spec.app().appId()),
                "--regid=" + u.gid(), "--clear-groups", "--no-new-privs", "--")));
        argv.addAll(List.of("/bin/sh", "-c", BOOT, "paas", spec.command()));
        return argv;
    }

    /** The absolute path of a util-linux tool, so no PATH lookup happens while the chain runs as root. */
    static String tool(String name) {
        return TOOLS.computeIfAbsent(name, n -> TOOL_DIRS.stream().map(dir -> Path.of(dir, n))
                .filter(Files::isExecutable).findFirst().map(Path::toString).orElse(n));
    }

    /** What the boot shell reads as the app's uid: enter the release directory, then the app's environment. */
    static String bootScript(Path releaseDir, Map<String, String> env) {
        return "cd " + quoted(releaseDir.toString())
                + " 2>/dev/null || { echo 'paas: cannot enter the release directory' >&2; exit 1; }\n" + exportScript(env);
    }

    /** {@code export NAME='value'} lines for the boot shell; names a shell cannot export are left out. */
    static String exportScript(Map<String, String> env) {
        StringBuilder script = new StringBuilder();
        new TreeMap<>(env).forEach((name, value) -> {
            if (SHELL_NAME.matcher(name).matches()) {
                script.append("export ").append(name).append('=').append(quoted(value)).append('\n');
            }
        });
        return script.toString();
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static Map<String, String> environment(InstanceSpec spec, Path home, Path tmp) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("PATH", DEFAULT_PATH);
        env.put("LANG", "C.UTF-8");
        env.put("TMPDIR", tmp.toString());
        env.put("PYTHONUNBUFFERED", "1"); // so print() lines reach the log as they happen
        env.putAll(spec.env());
        env.put("HOME", home.toString());
        spec.port().ifPresent(port -> env.put("PORT", Integer.toString(port)));
        env.put("PS", spec.id());
        env.put("DYNO", spec.id());
        env.put("PAAS_INSTANCE", spec.id());
        env.put("PAAS_APP", spec.app().appName());
        env.put("PAAS_RELEASE", "v" + spec.version());
        return env;
    }

}

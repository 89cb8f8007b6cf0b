package io.paasruntime.local.orchestration;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Starts one instance as an OS process:
 * {@code setsid prlimit <limits> -- [setpriv <app uid> --] /bin/sh -c <command>}, each step
 * exec-ing the next, so the shell leads its own process group (see {@link ProcessGroups}), runs
 * with the size's limits and, when the runtime is root, under the app's own unprivileged uid (see
 * {@link AppUids}; the group is the app user's), which alone may enter the app's release and run
 * directories ({@link AppDirectories}). The working
 * directory is the release directory; HOME and TMPDIR are the instance's own. The environment is
 * built from scratch (the runtime's own variables, which may hold its secrets, are not inherited).
 */
final class InstanceLauncher {
    static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

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
                .directory(spec.releaseDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(environment(spec, home, tmp));
        Process process = builder.start();
        long pid = process.pid();
        OptionalLong ticks = ProcessGroups.startTicks(pid);
        if (ticks.isPresent()) {
            pidFiles.record(spec.app().appId(), spec.slot(), pid, ticks.getAsLong());
        }
        return new LaunchedProcess(process, pid, ticks.orElse(-1));
    }

    /** Removes what {@link #launch} left for this instance once it is stopped for good. */
    void cleanUp(InstanceSpec spec) throws IOException {
        pidFiles.forget(spec.app().appId(), spec.slot());
        FileTrees.deleteRecursively(spec.instanceDir());
    }

    List<String> command(InstanceSpec spec) {
        ProcessSize size = spec.size();
        List<String> argv = new ArrayList<>(List.of("setsid", "prlimit",
                "--data=" + size.memoryBytes, "--nofile=" + size.openFiles, "--core=0"));
        user.ifPresent(u -> argv.add("--nproc=" + size.processes));
        argv.add("--");
        user.ifPresent(u -> argv.addAll(List.of("setpriv", "--reuid=" + uids.uidFor(spec.app().appId()),
                "--regid=" + u.gid(), "--clear-groups", "--no-new-privs", "--")));
        argv.addAll(List.of("/bin/sh", "-c", spec.command()));
        return argv;
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

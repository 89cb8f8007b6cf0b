package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.LocalLogStore;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Orchestrator;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.tck.TestProviderContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Config vars are the tenant's: they reach the app's command, never the launcher's tools, which run
 * as root when the runtime is root ({@code setsid}, {@code prlimit}, {@code setpriv}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherEnvironmentTest {
    private static final Duration DEPLOY = Duration.ofSeconds(20);
    private static final List<String> LAUNCHER_TOOLS = List.of("setsid", "prlimit", "setpriv", "cat");

    private Path dataDir;
    private Path work;
    private TestProviderContext context;
    private Orchestrator orchestrator;

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("launcher-env-");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        work = Files.createTempDirectory("launcher-env-work-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx")); // the app's uid writes marks here
        context = TestProviderContext.of(dataDir);
        orchestrator = LocalOrchestratorTest.create(context);
    }

    @AfterAll
    void stop() throws Exception {
        orchestrator.close();
        FileTrees.deleteRecursively(dataDir);
        FileTrees.deleteRecursively(work);
    }

    @Test
    void aPathConfigVarCannotReplaceTheLauncherToolsButTheAppStillGetsIt() throws Exception {
        Path trap = Files.createDirectory(work.resolve("trap"));
        Path hit = work.resolve("path-hit");
        for (String tool : LAUNCHER_TOOLS) {
            Path fake = trap.resolve(tool);
            Files.writeString(fake, "#!/bin/sh\necho \"$0 uid=$(id -u)\" >> " + hit + "\nexit 1\n");
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(trap, PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = trap + ":/usr/bin:/bin";

        List<LogLine> lines = deployProbe("path-trap", Map.of(), Map.of("PATH", path), "path=");

        assertThat(hit).as("no launcher tool was looked up on the tenant's PATH").doesNotExist();
        assertThat(lines).anyMatch(l -> l.message().equals("path=" + path));
    }

    @Test
    void anLdPreloadConfigVarIsLoadedByTheAppOnlyAndUnderTheAppsUid() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "needs gcc to build a preload library");
        Path src = work.resolve("mark.c");
        Files.writeString(src, """
                #include <stdio.h>
                #include <stdlib.h>
                #include <string.h>
                #include <unistd.h>
                __attribute__((constructor)) static void mark(void) {
                    const char *file = getenv("PAAS_TEST_MARK");
                    if (!file) return;
                    char comm[64] = "?";
                    FILE *c = fopen("/proc/self/comm", "r");
                    if (c) { if (fgets(comm, sizeof comm, c)) comm[strcspn(comm, "\\n")] = 0; fclose(c); }
                    FILE *out = fopen(file, "a");
                    if (!out) return;
                    fprintf(out, "%s uid=%d\\n", comm, (int) getuid());
                    fclose(out);
                }
                """);
        Path library = work.resolve("mark.so");
        Process gcc = new ProcessBuilder("/usr/bin/gcc", "-shared", "-fPIC", "-o", library.toString(), src.toString())
                .redirectErrorStream(true).start();
        assertThat(gcc.waitFor()).as(new String(gcc.getInputStream().readAllBytes())).isZero();
        Path marks = work.resolve("preload-marks");

        deployProbe("preload", Map.of("mark.so", Files.readAllBytes(library)),
                Map.of("LD_PRELOAD", "./mark.so", "PAAS_TEST_MARK", marks.toString()), "path=");

        List<String> loadedBy = Files.readAllLines(marks);
        assertThat(loadedBy).as("the app's own processes loaded it").anyMatch(l -> l.startsWith("sleep "));
        assertThat(loadedBy).as("no launcher tool loaded it").noneMatch(l -> LAUNCHER_TOOLS.contains(l.split(" ")[0]));
        if (AppUser.runtimeIsRoot()) {
            assertThat(loadedBy).as("never as root").noneMatch(l -> l.endsWith(" uid=0"));
        }
    }

    @Test
    void valuesReachTheAppExactlyWhateverQuotesAndShellCharactersTheyHold() throws Exception {
        String tricky = "it's \"quoted\" $HOME `id` $(id) \\ ; exit 7 '";
        List<LogLine> lines = deployProbe("quoting", Map.of(), Map.of("TRICKY", tricky), "tricky=");
        assertThat(lines).anyMatch(l -> l.message().equals("tricky=" + tricky));
    }

    /** Deploys a probe printing PATH and TRICKY, then sleeping; answers the app's log once {@code expect} is in it. */
    private List<LogLine> deployProbe(String name, Map<String, byte[]> extraFiles, Map<String, String> env, String expect)
            throws IOException {
        AppRef app = TestApps.newApp(name);
        Map<String, byte[]> files = new LinkedHashMap<>(extraFiles);
        files.put("Procfile", "probe: echo \"path=$PATH\"; printf 'tricky=%s\\n' \"$TRICKY\"; exec /bin/sleep 600\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path dir = Files.createTempDirectory(work, "app-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (var file : files.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        PreparedSource source = orchestrator.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(TestApps.tgz(dir)), 0));
        RecordingListener listener = new RecordingListener();
        orchestrator.apply(TestApps.deployment(app, 1, source, Map.of(), env), listener);
        RecordingListener.Report outcome = listener.awaitOutcome(DEPLOY);
        assertThat(outcome.status()).as("%s", outcome.reason().orElse("")).isEqualTo(ReleaseStatus.SUCCEEDED);
        LocalLogStore logs = LocalLogStore.shared(context);
        Poll.until(Duration.ofSeconds(10), "the probe printed " + expect,
                () -> logs.recent(app.appId(), 100).stream().anyMatch(l -> l.message().startsWith(expect)));
        List<LogLine> lines = logs.recent(app.appId(), 100);
        orchestrator.purge(app);
        return lines;
    }

}

package io.paasruntime.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/paas} as a subprocess with an isolated HOME, as a user's shell would. */
final class PaasProcess {
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path script;
    private final Path scratch;
    private final Map<String, String> env = new HashMap<>();

    PaasProcess(Path repoRoot, Path home, Path scratch) {
        this.script = repoRoot.resolve("bin/paas");
        this.scratch = scratch;
        env.put("HOME", home.toString());
        env.put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
    }

    PaasProcess env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    Result run(Path cwd, String... args) throws Exception {
        return runWithStdin(cwd, "", args);
    }

    Result runWithStdin(Path cwd, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Path in = Files.writeString(Files.createTempFile(scratch, "in", ".txt"), stdin);
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PAAS_") || k.equals("XDG_CONFIG_HOME"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("paas " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}

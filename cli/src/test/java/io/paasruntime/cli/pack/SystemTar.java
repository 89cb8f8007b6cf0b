package io.paasruntime.cli.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system's GNU tar, the reader real users have, to check what the CLI writes. */
final class SystemTar {
    private SystemTar() {
    }

    /**
     * {@code tar -tv}: lines like "-rwxr-xr-x 0/0 12 2024-01-01 00:00 bin/run". Names are printed as
     * they are: by default GNU tar escapes what the locale cannot print (in the C locale of a machine
     * without LANG, "é" comes out as "\303\251").
     */
    static List<String> listVerbose(Path archive, boolean gzip) throws Exception {
        return run("tar", "--numeric-owner", "--quoting-style=literal", gzip ? "-tvzf" : "-tvf", archive.toString());
    }

    static void extract(Path archive, Path into) throws Exception {
        run("tar", "-xzf", archive.toString(), "-C", into.toString());
    }

    private static List<String> run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return new ArrayList<>(out.lines().toList());
    }
}

package io.paasruntime.cli.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourcePackerTest {
    @TempDir
    Path tmp;

    @Test
    void packsTheDirectoryHonouringPaasignoreAndSkippingGit() throws Exception {
        Path app = Files.createDirectories(tmp.resolve("app"));
        Files.writeString(app.resolve("Procfile"), "web: ./run.sh\n");
        Files.writeString(app.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(app.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.writeString(app.resolve(".paasignore"), "*.log\nsecrets/\n!keep.log\n");
        Files.writeString(app.resolve("debug.log"), "x");
        Files.writeString(app.resolve("keep.log"), "k");
        Files.createDirectories(app.resolve("secrets"));
        Files.writeString(app.resolve("secrets/key"), "s");
        Files.createDirectories(app.resolve(".git/objects"));
        Files.writeString(app.resolve(".git/HEAD"), "ref");
        Files.createDirectories(app.resolve("lib/.git"));
        Files.writeString(app.resolve(".paas"), "app=x\n");
        Files.createDirectories(app.resolve("lib/empty"));
        Files.writeString(app.resolve("lib/util.py"), "pass\n");
        Files.createSymbolicLink(app.resolve("util.py"), Path.of("lib/util.py"));
        Files.createSymbolicLink(app.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(app.resolve("up"), Path.of("../outside"));

        Path archive = tmp.resolve("app.tar.gz");
        List<String> warnings = new ArrayList<>();
        SourcePacker.Summary summary;
        try (OutputStream out = Files.newOutputStream(archive)) {
            summary = new SourcePacker(warnings::add).pack(app, out);
        }

        List<String> lines = SystemTar.listVerbose(archive, true);
        // "perms owner size date time name[ -> target]"
        List<String> names = lines.stream().map(l -> l.split("\\s+", 6)[5].replaceAll(" -> .*", "")).toList();
        assertThat(names).containsExactly(".paasignore", "Procfile", "keep.log", "lib/", "lib/empty/", "lib/util.py",
                "run.sh", "util.py");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("-rwxr-xr-x").endsWith(" run.sh"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("-rw-r--r--").endsWith(" Procfile"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("lrwxrwxrwx").endsWith("util.py -> lib/util.py"));
        assertThat(summary.files()).isEqualTo(5);
        assertThat(warnings).containsExactlyInAnyOrder(
                "skipping passwd: a symbolic link to outside the directory",
                "skipping up: a symbolic link to outside the directory");

        Path out = Files.createDirectories(tmp.resolve("out"));
        SystemTar.extract(archive, out);
        assertThat(Files.readString(out.resolve("Procfile"))).isEqualTo("web: ./run.sh\n");
        assertThat(Files.isExecutable(out.resolve("run.sh"))).isTrue();
    }
}

package io.paasruntime.cli.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TarWriterTest {
    @TempDir
    Path tmp;

    private Path write(TarBody body) throws Exception {
        Path archive = tmp.resolve("a.tar");
        try (OutputStream out = Files.newOutputStream(archive); TarWriter tar = new TarWriter(out)) {
            body.write(tar);
        }
        return archive;
    }

    interface TarBody {
        void write(TarWriter tar) throws Exception;
    }

    private static void file(TarWriter tar, String path, int mode, String content) throws Exception {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        tar.file(path, mode, 1_700_000_000L, b.length, new ByteArrayInputStream(b));
    }

    @Test
    void writesEntriesSystemTarListsWithTheirModesAndSizes() throws Exception {
        Path archive = write(tar -> {
            tar.directory("bin", 0755, 1_700_000_000L);
            file(tar, "bin/run", 0755, "#!/bin/sh\necho hi\n");
            file(tar, "Procfile", 0644, "web: bin/run\n");
            tar.symlink("current", "bin/run", 1_700_000_000L);
        });
        List<String> lines = SystemTar.listVerbose(archive, false);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("drwxr-xr-x 0/0").endsWith(" bin/");
        assertThat(lines.get(1)).startsWith("-rwxr-xr-x 0/0").contains(" 18 ").endsWith(" bin/run");
        assertThat(lines.get(2)).startsWith("-rw-r--r-- 0/0").contains(" 13 ").endsWith(" Procfile");
        assertThat(lines.get(3)).startsWith("lrwxrwxrwx").endsWith(" current -> bin/run");
    }

    @Test
    void archiveIsAWholeNumberOfBlocksEndingInTwoZeroBlocks() throws Exception {
        Path archive = write(tar -> file(tar, "a", 0644, "x"));
        byte[] bytes = Files.readAllBytes(archive);
        assertThat(bytes.length % 512).isZero();
        assertThat(bytes.length).isEqualTo(512 + 512 + 1024);
        for (int i = bytes.length - 1024; i < bytes.length; i++) {
            assertThat(bytes[i]).isZero();
        }
    }

    @Test
    void keepsLongAndNonAsciiPathsWhole() throws Exception {
        String split = "d".repeat(90) + "/" + "e".repeat(90) + "/file.txt";       // fits prefix + name
        String pax = "x".repeat(120) + "/" + "y".repeat(150) + "/" + "z".repeat(30); // needs a pax header
        String unicode = "données/résumé.txt";
        String longLink = "l".repeat(140);
        Path archive = write(tar -> {
            file(tar, split, 0644, "1");
            file(tar, pax, 0644, "2");
            file(tar, unicode, 0644, "3");
            tar.symlink("link", longLink, 1_700_000_000L);
        });
        List<String> lines = SystemTar.listVerbose(archive, false);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).endsWith(" " + split);
        assertThat(lines.get(1)).endsWith(" " + pax);
        assertThat(lines.get(2)).endsWith(" " + unicode);
        assertThat(lines.get(3)).endsWith(" link -> " + longLink);
    }

    @Test
    void paxRecordLengthCountsItsOwnDigits() {
        assertThat(new String(TarWriter.paxRecord("path", "a"), StandardCharsets.UTF_8)).isEqualTo("9 path=a\n");
        String v = "v".repeat(93); // body 1+4+1+93+1 = 100 bytes: length needs three digits, 103
        assertThat(new String(TarWriter.paxRecord("path", v), StandardCharsets.UTF_8)).startsWith("103 path=");
        assertThat(TarWriter.paxRecord("path", v)).hasSize(103);
    }

    @Test
    void refusesAFileShorterThanItsDeclaredSize() {
        assertThatThrownBy(() -> write(tar -> tar.file("short", 0644, 0, 10, new ByteArrayInputStream(new byte[3]))))
                .hasMessageContaining("shrank");
    }
}

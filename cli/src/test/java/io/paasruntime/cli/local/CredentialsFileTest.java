package io.paasruntime.cli.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsFileTest {
    @TempDir
    Path tmp;

    @Test
    void xdgConfigHomeWinsOverHome() {
        CredentialsFile f = CredentialsFile.locate(Map.of("XDG_CONFIG_HOME", "/x/cfg", "HOME", "/home/ada"));
        assertThat(f.path()).isEqualTo(Path.of("/x/cfg/paas/credentials"));
        assertThat(CredentialsFile.locate(Map.of("HOME", "/home/ada")).path())
                .isEqualTo(Path.of("/home/ada/.config/paas/credentials"));
        assertThat(CredentialsFile.locate(Map.of("XDG_CONFIG_HOME", " ", "HOME", "/h")).path())
                .isEqualTo(Path.of("/h/.config/paas/credentials"));
    }

    @Test
    void writesTheFileReadableByItsOwnerOnlyInAPrivateDirectory() throws Exception {
        CredentialsFile f = CredentialsFile.locate(Map.of("HOME", tmp.toString()));
        f.write(new Credentials("http://127.0.0.1:8080", "tok.en.x", "ada@example.com", Optional.of("acme")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.path().getParent()))).isEqualTo("rwx------");
        assertThat(f.read()).contains(new Credentials("http://127.0.0.1:8080", "tok.en.x", "ada@example.com", Optional.of("acme")));
        try (var files = Files.list(f.path().getParent())) {
            assertThat(files).containsExactly(f.path()); // no temporary file left behind
        }
    }

    @Test
    void replacingAWorldReadableFileLeavesItOwnerOnly() throws Exception {
        CredentialsFile f = new CredentialsFile(tmp.resolve("paas/credentials"));
        Files.createDirectories(f.path().getParent());
        Files.writeString(f.path(), "api=http://old\ntoken=old\n");
        Files.setPosixFilePermissions(f.path(), PosixFilePermissions.fromString("rw-r--r--"));
        f.write(new Credentials("http://new", "new-token", "b@example.com", Optional.empty()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.path()))).isEqualTo("rw-------");
        assertThat(f.read().map(Credentials::token)).contains("new-token");
        assertThat(f.read().flatMap(Credentials::tenant)).isEmpty();
    }

    @Test
    void aMissingOrIncompleteFileMeansNotLoggedIn() throws Exception {
        CredentialsFile f = new CredentialsFile(tmp.resolve("none/credentials"));
        assertThat(f.read()).isEmpty();
        assertThat(f.delete()).isFalse();
        Files.createDirectories(f.path().getParent());
        Files.writeString(f.path(), "api=http://x\n");
        assertThat(f.read()).isEmpty();
        assertThat(f.delete()).isTrue();
    }

    @Test
    void credentialsNeverPrintTheirToken() {
        Credentials c = new Credentials("http://x", "secret-token", "a@b", Optional.empty());
        assertThat(c.toString()).doesNotContain("secret-token");
    }
}

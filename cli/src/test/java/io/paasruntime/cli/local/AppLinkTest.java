package io.paasruntime.cli.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AppLinkTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheLinkInTheDirectoryOrTheNearestParent() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path deep = Files.createDirectories(project.resolve("src/main"));
        AppLink.write(project, "hello");
        assertThat(AppLink.find(project).map(AppLink::app)).contains("hello");
        assertThat(AppLink.find(deep).map(AppLink::app)).contains("hello");
        assertThat(AppLink.find(deep).map(AppLink::file)).contains(project.resolve(".paas"));
    }

    @Test
    void theNearestLinkWins() throws Exception {
        Path outer = Files.createDirectories(tmp.resolve("outer"));
        Path inner = Files.createDirectories(outer.resolve("inner"));
        AppLink.write(outer, "outer-app");
        AppLink.write(inner, "inner-app");
        assertThat(AppLink.find(inner).map(AppLink::app)).contains("inner-app");
        assertThat(AppLink.find(outer).map(AppLink::app)).contains("outer-app");
    }

    @Test
    void aDirectoryWithoutLinkAboveItFindsNothing() throws Exception {
        Path lonely = Files.createDirectories(tmp.resolve("lonely"));
        assertThat(AppLink.find(lonely)).isEmpty();
    }

    @Test
    void anEmptyOrBlankLinkIsSkipped() throws Exception {
        Path outer = Files.createDirectories(tmp.resolve("o"));
        Path inner = Files.createDirectories(outer.resolve("i"));
        AppLink.write(outer, "real");
        Files.writeString(inner.resolve(".paas"), "app=   \n");
        assertThat(AppLink.find(inner).map(AppLink::app)).contains("real");
    }

    @Test
    void writeReplacesAnExistingLink() throws Exception {
        AppLink.write(tmp, "old");
        AppLink.write(tmp, "new");
        assertThat(AppLink.find(tmp).map(AppLink::app)).contains("new");
    }
}

package io.paasruntime.store.jdbc.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Stale pid files that name no postgres of the directory are removed without touching any process. */
class StalePostmasterTest {
    @TempDir
    Path pgData;

    @Test
    void aPidFileNamingAnotherLiveProgramIsDeletedAndTheProgramLeftAlone() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            writePidFile(String.valueOf(sleeper.pid()));
            StalePostmaster.clear(pgData, Duration.ofSeconds(5));
            assertThat(pgData.resolve("postmaster.pid")).doesNotExist();
            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aTornPidFileIsDeleted() throws Exception {
        for (String content : new String[]{"", "not-a-pid\n", "-1\n"}) {
            writePidFile(content);
            StalePostmaster.clear(pgData, Duration.ofSeconds(5));
            assertThat(pgData.resolve("postmaster.pid")).as(content).doesNotExist();
        }
    }

    @Test
    void noPidFileIsNothingToDo() throws Exception {
        StalePostmaster.clear(pgData, Duration.ofSeconds(5));
        assertThat(pgData).isEmptyDirectory();
    }

    private void writePidFile(String firstLine) throws Exception {
        Files.writeString(pgData.resolve("postmaster.pid"), firstLine.isEmpty() ? "" : firstLine + "\n" + pgData + "\n");
    }
}

package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.SourceUpload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A tar header may carry a name of up to 1 MiB, which gzip shrinks to almost nothing: thousands of
 * directory levels in one entry, every level a path the upload check remembers. Such an archive is
 * refused at once, before the runtime spends its memory or minutes of CPU on the names; no real
 * path is longer than the system's limit (4096 bytes).
 */
class DeepArchivePathsTest {
    @TempDir
    Path dir;

    @Test
    void anEntryNameLongerThanAnyPathTheSystemTakesIsRefusedAtOnce() {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"), 64 << 20);
        byte[] tgz = new TarBuilder().file("a/".repeat(400_000) + "f", "x").gzip(); // 800 KB of name

        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> store.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(tgz), 0)))
                        .isInstanceOf(ProviderException.class).hasMessageContaining("longer than"));
    }

    @Test
    void manyDistinctDeepDirectoriesAreRefusedBeforeTheirNamesFillTheMemory() {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"), 64 << 20);
        TarBuilder tar = new TarBuilder();
        String deep = "a/".repeat(2_000);
        for (int i = 0; i < 20_000; i++) { // each 2,000 levels of its own: 80 GB of directory names
            tar.file("d" + i + "/" + deep + "f", "");
        }
        byte[] tgz = tar.gzip();

        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> store.prepare(new SourceUpload.Artifact(new ByteArrayInputStream(tgz), 0)))
                        .isInstanceOf(ProviderException.class).hasMessageContaining("directories"));
    }
}

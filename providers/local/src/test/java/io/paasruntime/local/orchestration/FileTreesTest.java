package io.paasruntime.local.orchestration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FileTreesTest {
    @TempDir
    Path base;

    @Test
    void aTreeIsDeletedWithItsFilesAndSubdirectories() throws Exception {
        Path tree = base.resolve("tree");
        Files.createDirectories(tree.resolve("a/b/c"));
        Files.writeString(tree.resolve("a/b/c/file.txt"), "x");
        Files.writeString(tree.resolve("top.txt"), "y");

        FileTrees.deleteRecursively(tree);

        assertThat(tree).doesNotExist();
        assertThat(base).isEmptyDirectory();
    }

    @Test
    void linksInsideAreRemovedWithoutTouchingWhatTheyPointAt() throws Exception {
        Path outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "precious");
        Path tree = Files.createDirectories(base.resolve("tree/sub"));
        Files.createSymbolicLink(tree.resolve("to-dir"), outside);
        Files.createSymbolicLink(tree.resolve("to-file"), outside.resolve("keep.txt"));

        FileTrees.deleteRecursively(base.resolve("tree"));

        assertThat(base.resolve("tree")).doesNotExist();
        assertThat(outside.resolve("keep.txt")).hasContent("precious");
    }

    @Test
    void aRootThatIsALinkIsUnlinkedNotFollowed() throws Exception {
        Path outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "precious");
        Path link = Files.createSymbolicLink(base.resolve("release"), outside);

        FileTrees.deleteRecursively(link);

        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(outside.resolve("keep.txt")).hasContent("precious");
    }

    @Test
    void aMissingTreeOrFileIsNoError() throws Exception {
        FileTrees.deleteRecursively(base.resolve("never-was"));
        FileTrees.deleteRecursively(base.resolve("nor/this"));
        Path file = Files.writeString(base.resolve("plain.txt"), "z");

        FileTrees.deleteRecursively(file);

        assertThat(file).doesNotExist();
    }

    /**
     * An app can nest directories far deeper than any path may be long (mkdir, chdir, repeat) in
     * its HOME, TMPDIR or release directory, all of which root deletes: the walk must neither run
     * out of stack nor hold one open directory per level (the runtime's whole file limit).
     */
    @Test
    void aTreeDeeperThanTheRuntimesFileLimitIsDeletedOnAVirtualThread() throws Exception {
        // not below @TempDir: if the walk fails, JUnit's own clean-up fails on the same tree; rm -rf does not
        Path own = Files.createTempDirectory("deep-tree-");
        Path tree = Files.createDirectories(own.resolve("deep"));
        try {
            deleteDeepTree(tree);
        } finally {
            new ProcessBuilder("rm", "-rf", own.toString()).start().waitFor();
        }
    }

    private static void deleteDeepTree(Path tree) throws Exception {
        int depth = 25_000; // above this machine's usual open-file limit of 20,000
        Process perl = new ProcessBuilder("perl", "-e", "for (1.." + depth + ") { mkdir 'a' or die $!; chdir 'a' or die $! }"
                + " open(my $f, '>', 'bottom') or die $!;").directory(tree.toFile()).redirectErrorStream(true).start();
        assertThat(perl.waitFor()).as(new String(perl.getInputStream().readAllBytes())).isZero();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();

        Thread deleting = Thread.ofVirtual().start(() -> { // as the runtime's instance and app threads are
            try {
                FileTrees.deleteRecursively(tree);
            } catch (Throwable t) {
                failure.set(t);
            }
        });

        assertThat(deleting.join(java.time.Duration.ofMinutes(2))).as("deleted within 2 minutes").isTrue();
        assertThat(String.valueOf(failure.get())).as("what the walk threw").isEqualTo("null");
        assertThat(Files.exists(tree, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}

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
}

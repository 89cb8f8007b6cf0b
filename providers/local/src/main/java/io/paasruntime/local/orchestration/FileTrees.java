package io.paasruntime.local.orchestration;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Removing directory trees without following symlinks out of them. The runtime (root) deletes
 * trees an app can still write to (its old releases, its run directory): walking them by path would
 * let the app swap a directory for a link between the listing and the delete and have root delete
 * elsewhere. So the walk goes through directory handles ({@link SecureDirectoryStream}: openat with
 * O_NOFOLLOW), where a swapped-in link is only ever unlinked itself.
 */
final class FileTrees {
    private FileTrees() {
    }

    /** Deletes {@code root} and everything below it; symlinks are removed, never followed. */
    static void deleteRecursively(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new IOException("refusing to delete " + absolute);
        }
        try (DirectoryStream<Path> parentStream = Files.newDirectoryStream(parent)) {
            if (parentStream instanceof SecureDirectoryStream<Path> secure) {
                deleteEntry(secure, absolute.getFileName());
                return;
            }
        } catch (NoSuchFileException e) {
            return;
        }
        deleteByPath(absolute); // file systems without directory handles
    }

    private static void deleteEntry(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        SecureDirectoryStream<Path> child;
        try {
            child = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (FileSystemException notADirectory) { // a file, or a link (O_NOFOLLOW refuses to open it)
            try {
                dir.deleteFile(name);
            } catch (NoSuchFileException e) {
                // gone meanwhile
            }
            return;
        }
        try (child) {
            for (Path entry : child) {
                deleteEntry(child, entry.getFileName());
            }
        }
        try {
            dir.deleteDirectory(name);
        } catch (NoSuchFileException e) {
            // gone meanwhile
        }
    }

    private static void deleteByPath(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

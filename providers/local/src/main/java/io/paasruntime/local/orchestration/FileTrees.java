package io.paasruntime.local.orchestration;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.UUID;

/**
 * Removing directory trees without following symlinks out of them. The runtime (root) deletes
 * trees an app can still write to (its old releases, its run directory): walking them by path would
 * let the app swap a directory for a link between the listing and the delete and have root delete
 * elsewhere. So the walk goes through directory handles ({@link SecureDirectoryStream}: openat with
 * O_NOFOLLOW), where a swapped-in link is only ever unlinked itself. The walk is iterative and keeps
 * at most {@link #MAX_OPEN} directories open, however deep the app nested its own.
 */
final class FileTrees {
    /** Directories open at once while deleting one tree. */
    static final int MAX_OPEN = 64;

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

    /**
     * Deletes entry {@code name} of {@code dir}: a file or link is unlinked, a directory emptied in
     * passes of {@link #emptyOut} and removed.
     */
    private static void deleteEntry(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        SecureDirectoryStream<Path> top = openDirectory(dir, name);
        if (top == null) {
            return;
        }
        try (top) {
            while (emptyOut(top)) {
                // directories nested deeper than MAX_OPEN were moved up into top: another pass
            }
        }
        try {
            dir.deleteDirectory(name);
        } catch (NoSuchFileException e) {
            // gone meanwhile
        }
    }

    /**
     * One pass deleting what {@code top} holds, depth first without recursion, with at most
     * {@link #MAX_OPEN} directories open at once: an app can nest directories far deeper than any
     * path (mkdir, chdir, repeat), and neither the stack nor the runtime's open files may grow with
     * that. A directory found at the limit is moved (renameat, no path walked) up into {@code top}
     * under a new name instead; returns whether that happened, so another pass is needed.
     */
    private static boolean emptyOut(SecureDirectoryStream<Path> top) throws IOException {
        boolean movedUp = false;
        Deque<Level> levels = new ArrayDeque<>();
        SecureDirectoryStream<Path> self = top.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS);
        levels.push(new Level(self, self.iterator(), null));
        try {
            while (!levels.isEmpty()) {
                Level level = levels.peek();
                Path name = level.next();
                if (name == null) {
                    levels.pop().dir.close();
                    if (level.name != null) {
                        try {
                            levels.peek().dir.deleteDirectory(level.name);
                        } catch (NoSuchFileException e) {
                            // gone meanwhile
                        }
                    }
                    continue;
                }
                SecureDirectoryStream<Path> child = openDirectory(level.dir, name);
                if (child == null) {
                    continue;
                }
                if (levels.size() < MAX_OPEN) {
                    levels.push(new Level(child, child.iterator(), name));
                } else {
                    child.close();
                    try {
                        level.dir.move(name, top, Path.of(".deleting-" + UUID.randomUUID()));
                        movedUp = true;
                    } catch (NoSuchFileException e) {
                        // gone meanwhile
                    }
                }
            }
        } finally {
            for (Level level : levels) {
                level.dir.close();
            }
        }
        return movedUp;
    }

    /**
     * Opens directory {@code name} of {@code dir} without following a link; a file or link is
     * unlinked instead, and null returned then or when it is gone.
     */
    private static SecureDirectoryStream<Path> openDirectory(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try {
            return dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (FileSystemException notADirectory) { // a file, or a link (O_NOFOLLOW refuses to open it)
            try {
                dir.deleteFile(name);
            } catch (NoSuchFileException e) {
                // gone meanwhile
            }
            return null;
        }
    }

    /** An open directory of the walk, the entries left to visit in it, and its name in the one above (null for the top). */
    private record Level(SecureDirectoryStream<Path> dir, Iterator<Path> entries, Path name) {
        Path next() throws IOException {
            try {
                return entries.hasNext() ? entries.next().getFileName() : null;
            } catch (DirectoryIteratorException e) {
                throw e.getCause();
            }
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

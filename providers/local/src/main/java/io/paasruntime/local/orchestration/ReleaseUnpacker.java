package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

/**
 * Unpacks a stored artifact into a release directory, applying the same checks as the upload.
 * Files and directories are written first and links created last, so no entry is ever written
 * through a link. The work is done in {@code unpacking/}, which only the runtime enters, handed to
 * the app (its top directory mode 0700, the app's uid) and moved into {@code releases/<appId>} when
 * complete, so no other app ever reads a release ({@link AppDirectories}). {@code releases/<appId>}
 * is the runtime's: the app cannot make or swap a release there, so a deploy always runs what the
 * artifact holds. Files and subdirectories are owned by the runtime and readable (not writable) by
 * the app: each instance writes to its own HOME and TMPDIR (owning the release's top directory, the
 * app could still rename what is in it, until its next release).
 */
final class ReleaseUnpacker {
    private final ArtifactStore artifacts;
    private final AppDirectories dirs;

    ReleaseUnpacker(ArtifactStore artifacts, AppDirectories dirs) {
        this.artifacts = artifacts;
        this.dirs = dirs;
    }

    /**
     * Makes release {@code version} of {@code appId} in {@code tree} hold the content of artifact
     * {@code ref} and returns its directory; an existing one is kept as it is (it was completed by an
     * earlier unpack).
     */
    Path unpack(String ref, AppTree tree, UUID appId, int version) throws IOException {
        dirs.passThrough(tree.releasesRoot());
        dirs.passThrough(tree.releases(appId)); // the runtime's: the app can neither plant nor swap a release there
        Path target = tree.release(appId, version);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        Path artifact = artifacts.path(ref).filter(Files::isRegularFile)
                .orElseThrow(() -> ProviderException.notFound("artifact " + ref + " is no longer stored"));
        Files.createDirectories(tree.unpackingRoot());
        Files.setPosixFilePermissions(tree.unpackingRoot(), PosixFilePermissions.fromString("rwx------"));
        Path work = tree.unpacking(appId, version);
        FileTrees.deleteRecursively(work);
        Files.createDirectory(work);
        try {
            SafeArchiveLayout layout = new ArchiveScanner(artifacts.maxUnpackedBytes()).scan(artifact, new Writer(work));
            for (Map.Entry<String, String> link : layout.hardLinks().entrySet()) {
                Path path = prepareSlot(work, link.getKey());
                Path existing = work.resolve(link.getValue());
                if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
                    throw ProviderException.invalid("body", "unsafe path: hard link " + link.getKey() + " does not point to a file");
                }
                Files.createLink(path, existing);
            }
            for (Map.Entry<String, String> link : layout.symlinks().entrySet()) {
                Files.createSymbolicLink(prepareSlot(work, link.getKey()), Path.of(link.getValue()));
            }
            dirs.handOver(work, appId); // the app's alone before it is where other apps could look for it
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(target); // a link or file an app left there (it owned the directory once): removed, never followed
            }
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteRecursively(work);
            throw e;
        }
    }

    /** Creates the parents of {@code path} and removes a file already there (never a directory). */
    private static Path prepareSlot(Path root, String path) throws IOException {
        Path file = root.resolve(path);
        if (!file.normalize().startsWith(root)) {
            throw ProviderException.invalid("body", "unsafe path " + path);
        }
        makeDirectories(root, file.getParent());
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw ProviderException.invalid("body", "unsafe path: entry " + path + " would replace a directory");
        }
        Files.deleteIfExists(file);
        return file;
    }

    private static void makeDirectories(Path root, Path dir) throws IOException {
        if (dir.equals(root) || Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        makeDirectories(root, dir.getParent());
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Writes directories and regular files below the work directory. */
    private record Writer(Path root) implements ArchiveScanner.Visitor {
        @Override
        public void directory(String path, TarEntry entry) throws IOException {
            if (!path.isEmpty()) {
                makeDirectories(root, root.resolve(path));
            }
        }

        @Override
        public void file(String path, TarEntry entry, InputStream content) throws IOException {
            Path file = prepareSlot(root, path);
            Files.copy(content, file);
            boolean executable = (entry.mode() & 0100) != 0;
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }
}

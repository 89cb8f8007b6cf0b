package io.paasruntime.cli.pack;

import io.paasruntime.cli.local.AppLink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Packs an app directory into the {@code .tar.gz} a deploy uploads: entries sorted by path,
 * directories 0755, files 0755 when executable by their owner and 0644 otherwise, {@code .git}
 * (at any depth) and the root {@code .paas} link left out, {@code .paasignore} honoured.
 * Symbolic links are kept only when they point inside the directory.
 */
public final class SourcePacker {
    /** What was packed. */
    public record Summary(int files, long bytes) {
    }

    public static final String IGNORE_FILE = ".paasignore";

    private final Consumer<String> warnings;

    /** @param warnings receives one line per entry left out for a reason the user may not expect */
    public SourcePacker(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    public Summary pack(Path root, OutputStream target) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path ignoreFile = base.resolve(IGNORE_FILE);
        IgnoreRules rules = Files.isRegularFile(ignoreFile)
                ? IgnoreRules.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8))
                : IgnoreRules.none();
        int[] files = {0};
        long[] bytes = {0};
        try (TarWriter tar = new TarWriter(new GZIPOutputStream(target, 64 * 1024))) {
            walk(base, base, rules, tar, files, bytes);
        }
        return new Summary(files[0], bytes[0]);
    }

    private void walk(Path base, Path dir, IgnoreRules rules, TarWriter tar, int[] files, long[] bytes)
            throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            String rel = base.relativize(child).toString().replace('\\', '/');
            String name = child.getFileName().toString();
            BasicFileAttributes attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (name.equals(".git") || (dir.equals(base) && name.equals(AppLink.FILE_NAME))) {
                continue;
            }
            if (rules.ignored(rel, attrs.isDirectory())) {
                continue;
            }
            long mtime = attrs.lastModifiedTime().toMillis() / 1000;
            if (attrs.isSymbolicLink()) {
                symlink(base, child, rel, mtime, tar);
            } else if (attrs.isDirectory()) {
                tar.directory(rel, 0755, mtime);
                walk(base, child, rules, tar, files, bytes);
            } else if (attrs.isRegularFile()) {
                int mode = Files.isExecutable(child) ? 0755 : 0644;
                try (InputStream in = Files.newInputStream(child)) {
                    tar.file(rel, mode, mtime, attrs.size(), in);
                }
                files[0]++;
                bytes[0] += attrs.size();
            } else {
                warnings.accept("skipping " + rel + ": not a regular file, directory or link");
            }
        }
    }

    private void symlink(Path base, Path link, String rel, long mtime, TarWriter tar) throws IOException {
        Path target = Files.readSymbolicLink(link);
        Path resolved = link.getParent().resolve(target).normalize();
        if (target.isAbsolute() || !resolved.startsWith(base)) {
            warnings.accept("skipping " + rel + ": a symbolic link to outside the directory");
            return;
        }
        tar.symlink(rel, target.toString().replace('\\', '/'), mtime);
    }
}

package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks that an archive's entries stay inside the directory it is unpacked into: no absolute
 * paths, no {@code ..}, no entry below a symlink, no device files, and every link resolving
 * inside the root. Symlinks are checked once the whole archive is seen ({@link #finish()}),
 * resolving them through each other as the file system would, so their order cannot be used to
 * escape. Refusals are {@code INVALID} on field {@code body}. Not thread-safe.
 */
final class SafeArchiveLayout {
    private static final int MAX_LINK_DEPTH = 40;
    /** Longer names than Linux's PATH_MAX (4096 bytes with the NUL) could not be unpacked anyway. */
    static final int MAX_NAME_CHARS = 4095;
    /** The directory paths an archive may make, in characters all together (real apps need a few MB). */
    static final long MAX_DIRECTORY_CHARS = 64L << 20;

    private final Map<String, String> symlinks = new LinkedHashMap<>();
    private final Map<String, String> hardLinks = new LinkedHashMap<>();
    private final Set<String> files = new HashSet<>();
    private final Set<String> directories = new HashSet<>();
    private long directoryChars;

    /**
     * Checks one entry and returns its path relative to the root ({@code ""} for the root itself).
     */
    String accept(TarEntry entry) {
        if (entry.name().length() > MAX_NAME_CHARS || entry.linkName().length() > MAX_NAME_CHARS) {
            // a tar header carries up to 1 MiB of name: refused before its levels cost memory or time
            String name = entry.name().length() > 100 ? entry.name().substring(0, 100) + "…" : entry.name();
            throw unsafe("entry " + name + " has a name or link target longer than " + MAX_NAME_CHARS
                    + " characters, more than any path the system takes");
        }
        String path = normalise(entry.name());
        if (!(entry.isFile() || entry.isDirectory() || entry.isSymlink() || entry.isHardLink())) {
            throw unsafe("entry " + entry.name() + " is a device, fifo or unknown entry type; only files, directories and links are allowed");
        }
        // a known directory's own ancestors were checked when it was added, and none can become a symlink since
        for (String ancestor = parent(path); !ancestor.isEmpty() && !directories.contains(ancestor); ancestor = parent(ancestor)) {
            if (symlinks.containsKey(ancestor)) {
                throw unsafe("entry " + entry.name() + " lies below the symlink " + ancestor);
            }
            addDirectory(ancestor);
        }
        if (path.isEmpty()) {
            if (!entry.isDirectory()) {
                throw unsafe("entry " + entry.name() + " would replace the release directory");
            }
            return path;
        }
        if (!entry.isDirectory() && directories.contains(path)) {
            throw unsafe("entry " + entry.name() + " would replace a directory");
        }
        symlinks.remove(path);
        hardLinks.remove(path);
        files.remove(path);
        if (entry.isDirectory()) {
            addDirectory(path);
        } else if (entry.isSymlink()) {
            if (entry.linkName().isEmpty() || entry.linkName().startsWith("/")) {
                throw unsafe("symlink " + entry.name() + " points outside the archive (" + entry.linkName() + ")");
            }
            symlinks.put(path, entry.linkName());
        } else if (entry.isHardLink()) {
            String target = normalise(entry.linkName());
            if (!files.contains(target)) {
                throw unsafe("hard link " + entry.name() + " must point to a file earlier in the archive, not " + entry.linkName());
            }
            hardLinks.put(path, target);
        } else {
            files.add(path);
        }
        return path;
    }

    /** Checks every symlink against the complete archive; call after the last entry. */
    void finish() {
        for (Map.Entry<String, String> link : symlinks.entrySet()) {
            resolve(parent(link.getKey()), link.getValue(), 0, link.getKey());
        }
    }

    /** Symlink path → target, in archive order (after {@link #finish()}, all safe). */
    Map<String, String> symlinks() {
        return symlinks;
    }

    /** Hard link path → path of the file it links to. */
    Map<String, String> hardLinks() {
        return hardLinks;
    }

    /** Resolves {@code target} from {@code dir} through the archive's symlinks; refuses leaving the root. */
    private Deque<String> resolve(String dir, String target, int depth, String link) {
        if (depth > MAX_LINK_DEPTH) {
            throw unsafe("symlink " + link + " is part of a loop or too deep a chain");
        }
        if (target.startsWith("/")) {
            throw unsafe("symlink " + link + " points outside the archive");
        }
        Deque<String> at = new ArrayDeque<>();
        for (String part : dir.split("/")) {
            if (!part.isEmpty()) {
                at.addLast(part);
            }
        }
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (at.isEmpty()) {
                    throw unsafe("symlink " + link + " points outside the archive (" + symlinks.get(link) + ")");
                }
                at.removeLast();
                continue;
            }
            at.addLast(part);
            String here = String.join("/", at);
            String next = symlinks.get(here);
            if (next != null) {
                at.removeLast();
                at = resolve(String.join("/", at), next, depth + 1, link);
            }
        }
        return at;
    }

    /** {@code ./a//b/} → {@code a/b}; absolute paths and {@code ..} are refused. */
    static String normalise(String name) {
        if (name.startsWith("/")) {
            throw unsafe("unsafe path " + name + ": absolute paths are not allowed");
        }
        StringBuilder out = new StringBuilder();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw unsafe("unsafe path " + name + ": '..' is not allowed");
            }
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    /** Remembers a directory, within {@link #MAX_DIRECTORY_CHARS} of names in all. */
    private void addDirectory(String path) {
        if (directories.add(path)) {
            directoryChars += path.length();
            if (directoryChars > MAX_DIRECTORY_CHARS) {
                throw unsafe("the archive's directories are too many or too deep (their paths exceed "
                        + MAX_DIRECTORY_CHARS + " characters in all)");
            }
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static ProviderException unsafe(String message) {
        return ProviderException.invalid("body", message.startsWith("unsafe path") ? message : "unsafe path: " + message);
    }
}

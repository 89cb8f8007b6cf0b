package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Where the {@link AppTree} is: a directory the apps' uids can walk down to (execute permission for
 * others on it and on every directory above it) without any way into the runtime's own files.
 * Chosen once, when the orchestrator is created:
 * <ol>
 *   <li>{@code orchestration.apps-dir}, when set;</li>
 *   <li>else {@code <dataDir>/local}, when the runtime is not root (apps then run as its own user)
 *       or when the data directory and its parents let others through;</li>
 *   <li>else (as root with a private data directory, e.g. {@code --data-dir $(mktemp -d)}, mode
 *       0700) {@code /var/lib/paas-runtime/apps-<first 16 hex digits of the SHA-256 of the data
 *       directory's real path>}. The runtime never opens up directories it did not make, so the
 *       data directory (keys, PostgreSQL files) stays out of the apps' reach.</li>
 * </ol>
 * A root outside the data directory must be a real directory (no symlink) that the runtime's user
 * owns and nobody else may write, new or empty when first used; one the runtime creates gets mode
 * 0711 (apps pass through but cannot list it). It holds a file {@code data-dir} naming the data
 * directory it serves, so two runtimes never share one. The default one (3.) is removed when the orchestrator closes: it is
 * named after the data directory, and a temporary data directory would otherwise leave it behind
 * for good (releases are unpacked again from the stored artifacts on the next start).
 *
 * <p>{@link #ready} prepares and checks the root before every release, so an operator's
 * {@code chmod o+x} takes effect without a restart. Thread-safe.
 */
final class AppTreeLocation {
    static final Path DEFAULT_PARENT = Path.of("/var/lib/paas-runtime");
    static final String OWNER_FILE = "data-dir";
    private static final Set<PosixFilePermission> PASS_THROUGH = PosixFilePermissions.fromString("rwx--x--x");
    private static final System.Logger LOG = System.getLogger(AppTreeLocation.class.getName());

    private final AppTree tree;
    private final LocalDataLayout layout;
    private final Optional<AppUser> user;
    private final String dataDir;
    private final Path fallback;
    private boolean prepared;

    private AppTreeLocation(Path root, LocalDataLayout layout, Optional<AppUser> user, String dataDir, Path fallback) {
        this.tree = new AppTree(root);
        this.layout = layout;
        this.user = user;
        this.dataDir = dataDir;
        this.fallback = fallback;
    }

    /**
     * Picks the root as described above; {@code defaultParent} is where the default root for a
     * private data directory goes (tests choose their own). {@code layout.root()} must exist.
     */
    static AppTreeLocation choose(Optional<Path> configured, LocalDataLayout layout, Optional<AppUser> user, Path defaultParent)
            throws IOException {
        String dataDir = layout.root().getParent().toRealPath().toString();
        Path fallback = defaultParent.resolve("apps-" + shortHash(dataDir));
        Path root;
        if (configured.isPresent()) {
            root = configured.get();
        } else if (user.isEmpty()) {
            root = layout.root();
        } else {
            Optional<Path> closed = firstClosed(layout.root().getParent());
            root = closed.isEmpty() ? layout.root() : fallback;
            closed.ifPresent(at -> LOG.log(Level.INFO, "the apps' files are kept in " + fallback + ": the app users cannot enter "
                    + at + ", which keeps the data directory private"));
        }
        return new AppTreeLocation(root, layout, user, dataDir, fallback);
    }

    /** The tree, for paths only: whether the apps can reach it is {@link #ready}'s question. */
    AppTree tree() {
        return tree;
    }

    /**
     * The tree, prepared (created, claimed for this data directory) and reachable by the app
     * users; else a {@link ProviderException} ({@code UNAVAILABLE}) saying what to fix.
     */
    synchronized AppTree ready() {
        try {
            prepare();
        } catch (IOException e) {
            throw ProviderException.unavailable("cannot keep the apps' files in " + tree.root() + ": " + e.getMessage(), e);
        }
        if (user.isPresent()) {
            firstClosed(tree.root()).ifPresent(at -> {
                throw ProviderException.unavailable("apps run as user " + user.get().name() + ", who cannot enter " + at
                        + " (every directory down to " + tree.root() + " needs execute permission for others: chmod o+x " + at + ")", null);
            });
        }
        return tree;
    }

    /**
     * At start-up, once no instance runs: removes the run and unpacking directories left by earlier
     * runs, and the app files of places an earlier start chose and this one does not (the data
     * directory's parents changed mode, or {@code apps-dir} was set).
     */
    synchronized void clearStale() throws IOException {
        try {
            prepare();
            FileTrees.deleteRecursively(tree.runRoot());
            FileTrees.deleteRecursively(tree.unpackingRoot()); // left by a crash mid-unpack
        } catch (IOException e) {
            // nothing of this runtime can be running there then; deploys will say what is wrong
            LOG.log(Level.WARNING, "cannot keep the apps' files in " + tree.root() + ": " + e.getMessage());
        }
        if (!tree.root().equals(layout.root())) {
            FileTrees.deleteRecursively(layout.root().resolve("releases"));
            FileTrees.deleteRecursively(layout.root().resolve("run"));
            FileTrees.deleteRecursively(layout.root().resolve("unpacking"));
        }
        if (!tree.root().equals(fallback) && claimedByThisDataDir(fallback)) {
            FileTrees.deleteRecursively(fallback);
        }
    }

    /** When the orchestrator closes, after every instance stopped: removes the default root (see the class comment). */
    synchronized void clearOnClose() {
        if (prepared && tree.root().equals(fallback)) {
            try {
                FileTrees.deleteRecursively(fallback);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not remove " + fallback + ": " + e.getMessage());
            }
            prepared = false;
        }
    }

    private void prepare() throws IOException {
        if (tree.root().equals(layout.root())) {
            if (user.isPresent()) { // the runtime's own directory: let the app users through (not in: artifacts and logs are 0700)
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(layout.root());
                if (perms.add(PosixFilePermission.OTHERS_EXECUTE)) {
                    Files.setPosixFilePermissions(layout.root(), perms);
                }
            }
        } else {
            if (tree.root().equals(fallback)) {
                ownDirectory(fallback.getParent()); // the runtime's too
            }
            ownDirectory(tree.root());
            claim();
        }
        prepared = true;
    }

    /** Creates {@code dir} with mode 0711, or checks that the existing one is safe to put app files in. */
    private static void ownDirectory(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent()); // new directories only: existing ones keep their modes
            try {
                Files.createDirectory(dir);
                Files.setPosixFilePermissions(dir, PASS_THROUGH);
            } catch (FileAlreadyExistsException raced) {
                // made at the same moment by someone else: checked below like any existing one
            }
        }
        PosixFileAttributes attrs = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink() || !attrs.isDirectory()) {
            throw new IOException(dir + " is " + (attrs.isSymbolicLink() ? "a symlink" : "not a directory")
                    + "; remove it, or set orchestration.apps-dir");
        }
        int owner = uid(dir);
        if (owner != runtimeUid()) {
            throw new IOException(dir + " is owned by uid " + owner + ", not by the runtime's user; remove it, or set orchestration.apps-dir");
        }
        if (attrs.permissions().contains(PosixFilePermission.GROUP_WRITE) || attrs.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(dir + " is writable by other users (chmod go-w " + dir + ")");
        }
    }

    /** Records the data directory this root serves, or refuses a root another runtime uses. */
    private void claim() throws IOException {
        Path marker = tree.root().resolve(OWNER_FILE);
        if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
            try (var entries = Files.list(tree.root())) {
                if (entries.findAny().isPresent()) { // e.g. apps-dir=/ : its run/ is not ours to clear
                    throw new IOException("it is not empty and holds no " + OWNER_FILE + " file of a runtime; choose a new or empty directory");
                }
            }
            Path temp = Files.createTempFile(tree.root(), OWNER_FILE, ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, dataDir + "\n");
            try {
                Files.move(temp, marker, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temp);
            }
        }
        Optional<String> owner = ownerOf(tree.root());
        if (!owner.equals(Optional.of(dataDir))) {
            throw new IOException("it is used by the runtime with data directory " + owner.orElse("(unreadable " + marker + ")")
                    + "; give each runtime its own orchestration.apps-dir");
        }
    }

    private boolean claimedByThisDataDir(Path dir) throws IOException {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && uid(dir) == runtimeUid()
                && ownerOf(dir).equals(Optional.of(dataDir));
    }

    private static Optional<String> ownerOf(Path root) throws IOException {
        Path marker = root.resolve(OWNER_FILE);
        return Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS) ? Optional.of(Files.readString(marker).strip()) : Optional.empty();
    }

    /** The first directory from {@code dir} up to {@code /} that denies others execute permission (or cannot be checked). */
    static Optional<Path> firstClosed(Path dir) {
        for (Path at = dir; at != null; at = at.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(at).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return Optional.of(at);
                }
            } catch (IOException e) {
                return Optional.of(at); // missing or unreadable: nobody gets through it either
            }
        }
        return Optional.empty();
    }

    private static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int runtimeUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

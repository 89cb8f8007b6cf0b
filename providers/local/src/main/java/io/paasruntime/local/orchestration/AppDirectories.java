package io.paasruntime.local.orchestration;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Makes the directories of the {@link AppTree}. An app's own (a release {@code releases/<appId>/v<n>},
 * an instance's directory with its {@code home} and {@code tmp}) are mode 0700 from the moment they
 * exist where other apps could look — {@code mkdir} gets that mode, there is no wider mode first —
 * and, when the runtime is root, owned by the app's uid ({@link AppUids}): no other app's uid can
 * enter them, ever. Directories every app crosses ({@code releases}, {@code releases/<appId>},
 * {@code run}, {@code run/<appId>}) are the runtime's, mode 0711: apps pass through, nobody else
 * lists or writes them, so an app can neither swap what the runtime creates there for a link nor
 * put a release of its own where the next one goes. Thread-safe.
 */
final class AppDirectories {
    private static final Set<PosixFilePermission> APP_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PASS_THROUGH = PosixFilePermissions.fromString("rwx--x--x");

    private final Optional<AppUser> user;
    private final AppUids uids;

    /** {@code user} is empty when the runtime is not root: apps then run as its own user, who owns everything. */
    AppDirectories(Optional<AppUser> user, AppUids uids) {
        this.user = user;
        this.uids = uids;
    }

    /**
     * Creates {@code dir} (and missing parents) as one the apps pass through, or sets that mode on the
     * existing one and takes it back from an app that owned it (an earlier version gave apps their
     * {@code releases/<appId>}).
     */
    void passThrough(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (user.isPresent() && (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS) != 0) {
            Files.setAttribute(dir, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS); // the runtime is root when there is an app user
            Files.setAttribute(dir, "unix:gid", 0, LinkOption.NOFOLLOW_LINKS);
        }
        setMode(dir, PASS_THROUGH);
    }

    /**
     * Makes {@code dir}, which the runtime made where no app can reach it, the app's own (mode 0700,
     * the app's uid) before the runtime moves it where the app works: a release directory.
     */
    void handOver(Path dir, UUID appId) throws IOException {
        setMode(dir, APP_ONLY);
        giveToApp(dir, appId);
    }

    /**
     * Creates {@code dir} in its existing parent, which must be the runtime's alone, as the app's
     * own, with the {@code children} inside it. An existing {@code dir} with children to make (an
     * instance's, started again after a crash) is taken back from the app meanwhile, so the app
     * cannot swap a child for a link; existing children keep their content. An existing one without
     * (an earlier release's, in use) stays the app's throughout.
     */
    void appOnly(Path dir, UUID appId, String... children) throws IOException {
        createOrKeep(dir);
        if (user.isPresent() && children.length > 0) {
            Files.setAttribute(dir, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS); // the runtime is root when there is an app user
        }
        setMode(dir, APP_ONLY); // the umask may have taken bits, an earlier runtime may have left more
        for (String child : children) {
            Path path = dir.resolve(child);
            createOrKeep(path);
            setMode(path, APP_ONLY);
            giveToApp(path, appId);
        }
        giveToApp(dir, appId);
    }

    /** mkdir with mode 0700, so the directory is never wider, even for a moment; an existing one is left to {@link #setMode}. */
    private static void createOrKeep(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(APP_ONLY));
        } catch (FileAlreadyExistsException existing) {
            // checked and set by the caller like a new one
        }
    }

    private void giveToApp(Path dir, UUID appId) throws IOException {
        if (user.isPresent()) {
            user.get().own(dir, uids.uidFor(appId));
        }
    }

    /** Sets the mode of a directory that is not a link (Java's chmod would follow one). */
    private static void setMode(Path dir, Set<PosixFilePermission> mode) throws IOException {
        PosixFileAttributes attrs = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isDirectory()) {
            throw new IOException(dir + " is not a directory");
        }
        if (!attrs.permissions().equals(mode)) {
            Files.setPosixFilePermissions(dir, mode);
        }
    }
}

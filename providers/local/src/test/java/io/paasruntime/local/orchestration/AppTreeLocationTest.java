package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where the apps' files go, and what is refused there (no app runs here: the user is only a name). */
class AppTreeLocationTest {
    private static final Optional<AppUser> APP_USER = Optional.of(new AppUser("paas-app", 65534, 65534));

    private Path base;
    private Path defaultParent;

    @BeforeEach
    void createBase() throws IOException {
        base = Files.createTempDirectory("apps-location-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx--x--x"));
        defaultParent = base.resolve("var-lib-paas-runtime");
    }

    @AfterEach
    void removeBase() throws IOException {
        FileTrees.deleteRecursively(base);
    }

    @Test
    void privateDataDirsGetTheirOwnRootsOutsideAndAPassableDataDirKeepsTheAppFiles() throws IOException {
        LocalDataLayout one = dataDir("private-one", "rwx------");
        LocalDataLayout two = dataDir("private-two", "rwx------");
        LocalDataLayout passable = dataDir("passable", "rwxr-xr-x");

        AppTreeLocation first = AppTreeLocation.choose(Optional.empty(), one, APP_USER, defaultParent);
        AppTreeLocation second = AppTreeLocation.choose(Optional.empty(), two, APP_USER, defaultParent);

        assertThat(first.ready().root()).isEqualTo(defaultParent.resolve("apps-" + AppTreeLocation.shortHash(
                one.root().getParent().toRealPath().toString())));
        assertThat(second.ready().root()).isNotEqualTo(first.tree().root()).startsWith(defaultParent);
        for (Path dir : new Path[] {defaultParent, first.tree().root()}) {
            assertThat(Files.getPosixFilePermissions(dir)).as("mode of %s", dir).isEqualTo(PosixFilePermissions.fromString("rwx--x--x"));
        }
        assertThat(Files.getPosixFilePermissions(one.root().getParent().getParent()))
                .as("the operator's directory keeps its mode").isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(AppTreeLocation.choose(Optional.empty(), passable, APP_USER, defaultParent).ready().root()).isEqualTo(passable.root());
        assertThat(AppTreeLocation.choose(Optional.empty(), one, Optional.empty(), defaultParent).ready().root())
                .as("apps running as the runtime's own user").isEqualTo(one.root());
    }

    @Test
    void anAppsDirAnotherDataDirClaimedIsRefused() throws IOException {
        Path apps = base.resolve("apps");
        AppTreeLocation.choose(Optional.of(apps), dataDir("first", "rwx------"), APP_USER, defaultParent).ready();
        AppTreeLocation second = AppTreeLocation.choose(Optional.of(apps), dataDir("second", "rwx------"), APP_USER, defaultParent);
        Path firstDataDir = base.toRealPath().resolve("first/data");

        assertThatThrownBy(second::ready)
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("cannot keep the apps' files in " + apps,
                            "used by the runtime with data directory " + firstDataDir,
                            "give each runtime its own orchestration.apps-dir");
                });
    }

    @Test
    void aSymlinkAnOccupiedDirectoryOrOneOthersMayWriteIsRefused() throws IOException {
        LocalDataLayout layout = dataDir("data", "rwx------");
        Path target = Files.createDirectory(base.resolve("target"));
        Path link = Files.createSymbolicLink(base.resolve("link"), target);
        Path occupied = Files.createDirectory(base.resolve("occupied"));
        Files.writeString(occupied.resolve("someone-elses.txt"), "x");
        Path shared = Files.createDirectory(base.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        AppTreeLocation atLink = AppTreeLocation.choose(Optional.of(link), layout, APP_USER, defaultParent);
        AppTreeLocation atOccupied = AppTreeLocation.choose(Optional.of(occupied), layout, APP_USER, defaultParent);
        AppTreeLocation atShared = AppTreeLocation.choose(Optional.of(shared), layout, APP_USER, defaultParent);

        assertThatThrownBy(atLink::ready).hasMessageContaining(link + " is a symlink");
        assertThatThrownBy(atOccupied::ready).hasMessageContaining("it is not empty and holds no data-dir file");
        assertThatThrownBy(atShared::ready).hasMessageContaining(shared + " is writable by other users");
        assertThat(target).isEmptyDirectory();
        assertThat(occupied.resolve(AppTreeLocation.OWNER_FILE)).doesNotExist();
    }

    @Test
    void theDefaultRootIsRefusedWhenAnotherUserOwnsItOrItIsASymlink() throws IOException {
        assumeTrue(AppUser.runtimeIsRoot(), "only root can give a directory away");
        LocalDataLayout layout = dataDir("data", "rwx------");
        AppTreeLocation location = AppTreeLocation.choose(Optional.empty(), layout, APP_USER, defaultParent);
        Path root = location.tree().root();
        Files.createDirectories(root);
        Files.setAttribute(root, "unix:uid", 65534);

        assertThatThrownBy(location::ready).hasMessageContaining(root + " is owned by uid 65534");

        Files.delete(root);
        Files.createSymbolicLink(root, Files.createDirectory(base.resolve("elsewhere")));
        assertThatThrownBy(location::ready).hasMessageContaining(root + " is a symlink");
    }

    @Test
    void startUpRemovesStaleRunDirsAndTheAppFilesOfAPlaceNoLongerChosen() throws IOException {
        LocalDataLayout layout = dataDir("data", "rwx------");
        AppTreeLocation outside = AppTreeLocation.choose(Optional.empty(), layout, APP_USER, defaultParent);
        Path other = AppTreeLocation.choose(Optional.empty(), dataDir("other", "rwx------"), APP_USER, defaultParent).ready().root();
        Files.createDirectories(outside.ready().instanceDir(java.util.UUID.randomUUID(), "v1-web.1-1").resolve("home"));
        Files.createDirectories(layout.root().resolve("releases/app/v1")); // from a start when the data dir was passable
        Files.createDirectories(layout.root().resolve("run/app/slot/home"));

        outside.clearStale();

        assertThat(outside.tree().runRoot()).doesNotExist();
        assertThat(layout.root().resolve("releases")).doesNotExist();
        assertThat(layout.root().resolve("run")).doesNotExist();

        Files.setPosixFilePermissions(layout.root().getParent().getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        AppTreeLocation inside = AppTreeLocation.choose(Optional.empty(), layout, APP_USER, defaultParent);
        inside.clearStale();

        assertThat(inside.tree().root()).isEqualTo(layout.root());
        assertThat(outside.tree().root()).as("this data dir's old place").doesNotExist();
        assertThat(other.resolve(AppTreeLocation.OWNER_FILE)).as("another runtime's").exists();
    }

    /** {@code <base>/<name>/data/local}, {@code <base>/<name>} with {@code mode}. */
    private LocalDataLayout dataDir(String name, String mode) throws IOException {
        Path outer = Files.createDirectory(base.resolve(name));
        Path dataDir = Files.createDirectory(outer.resolve("data"));
        Files.setPosixFilePermissions(outer, PosixFilePermissions.fromString(mode));
        LocalDataLayout layout = LocalDataLayout.under(dataDir);
        Files.createDirectories(layout.root());
        return layout;
    }
}

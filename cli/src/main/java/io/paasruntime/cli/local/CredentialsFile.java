package io.paasruntime.cli.local;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The credentials file, {@code $XDG_CONFIG_HOME/paas/credentials} or
 * {@code $HOME/.config/paas/credentials}: a properties file readable by its owner only. The mode
 * is set when the file is created, before any content is written, and the file is replaced
 * atomically so a reader never sees half of it.
 */
public final class CredentialsFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path path;

    public CredentialsFile(Path path) {
        this.path = path;
    }

    /** The location the environment selects: XDG_CONFIG_HOME, else HOME, else the JVM's user.home. */
    public static CredentialsFile locate(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path configHome;
        if (xdg != null && !xdg.isBlank()) {
            configHome = Path.of(xdg);
        } else {
            String home = env.get("HOME");
            configHome = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".config");
        }
        return new CredentialsFile(configHome.resolve("paas").resolve("credentials"));
    }

    public Path path() {
        return path;
    }

    public Optional<Credentials> read() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        String api = p.getProperty("api");
        String token = p.getProperty("token");
        if (api == null || api.isBlank() || token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(api, token, p.getProperty("email", ""),
                Optional.ofNullable(p.getProperty("tenant")).filter(t -> !t.isBlank())));
    }

    public void write(Credentials c) throws IOException {
        Path dir = path.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        Properties p = new Properties();
        p.setProperty("api", c.api());
        p.setProperty("token", c.token());
        p.setProperty("email", c.email());
        c.tenant().ifPresent(t -> p.setProperty("tenant", t));
        StringWriter text = new StringWriter();
        p.store(text, "paas CLI credentials: keep private");
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        // Created 0600 first, written second: the token is never in a file others can read.
        Path tmp = Files.createTempFile(dir, ".credentials", ".tmp", attrs);
        try {
            Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Removes the file; true when there was one. */
    public boolean delete() throws IOException {
        return Files.deleteIfExists(path);
    }
}

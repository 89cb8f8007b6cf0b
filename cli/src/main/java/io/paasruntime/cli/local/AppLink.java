package io.paasruntime.cli.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code .paas} file linking a source directory to an app, so {@code --app} can be left out
 * inside it (like {@code heroku git:remote}). A properties file with one key, {@code app}.
 * Found by looking in the current directory and then each parent.
 */
public record AppLink(Path file, String app) {
    public static final String FILE_NAME = ".paas";

    /** The nearest link at or above {@code dir}. */
    public static Optional<AppLink> find(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path f = d.resolve(FILE_NAME);
            if (Files.isRegularFile(f)) {
                Optional<String> app = readApp(f);
                if (app.isPresent()) {
                    return Optional.of(new AppLink(f, app.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** Writes {@code dir/.paas} naming {@code app}, replacing any link there. */
    public static AppLink write(Path dir, String app) throws IOException {
        if (!app.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("'" + app + "' cannot be an app name or id");
        }
        Path f = dir.resolve(FILE_NAME);
        Files.writeString(f, "# paas CLI: the app this directory deploys to\napp=" + app + "\n", StandardCharsets.UTF_8);
        return new AppLink(f, app);
    }

    private static Optional<String> readApp(Path f) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        return Optional.ofNullable(p.getProperty("app")).map(String::trim).filter(s -> !s.isEmpty());
    }
}

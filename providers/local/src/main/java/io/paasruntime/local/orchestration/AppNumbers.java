package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A number kept per app in a properties file ({@code <appId>=<number>}), written atomically: the
 * router port of {@link RoutePorts}, the uid of {@link AppUids}. Not thread-safe; its owners lock.
 */
final class AppNumbers {
    private final Path file;
    private final String comment;
    private final Map<UUID, Integer> numbers = new TreeMap<>();

    AppNumbers(Path file, String comment) {
        this.file = file;
        this.comment = comment;
        load();
    }

    Map<UUID, Integer> all() {
        return numbers;
    }

    void put(UUID appId, int number) {
        numbers.put(appId, number);
        save();
    }

    void remove(UUID appId) {
        if (numbers.remove(appId) != null) {
            save();
        }
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw ProviderException.internal("cannot read " + file + ": " + e.getMessage(), e);
        }
        props.forEach((key, value) -> {
            try {
                numbers.put(UUID.fromString(key.toString()), Integer.parseInt(value.toString().trim()));
            } catch (IllegalArgumentException e) {
                // a hand-edited line that is not appId=number: skip it rather than refuse to start
            }
        });
    }

    private void save() {
        Properties props = new Properties();
        numbers.forEach((app, number) -> props.setProperty(app.toString(), number.toString()));
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            // the runtime's alone: the apps may pass through this directory (it can be the root of their files),
            // and the records name every app
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(temp)) {
                props.store(out, comment);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw ProviderException.internal("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

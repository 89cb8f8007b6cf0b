package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.orchestration.Deployment;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.ProcessSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Apps to deploy in tests: the example app and small ones written on the fly, packed with the real {@code tar}. */
final class TestApps {
    private TestApps() {
    }

    /** {@code examples/apps/hello} of this repository. */
    static Path hello() {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../../examples/apps/hello").normalize();
        if (!Files.isRegularFile(dir.resolve("Procfile"))) {
            throw new IllegalStateException("example app not found at " + dir);
        }
        return dir;
    }

    /** A folder holding {@code files} (name → content). */
    static Path write(Path parent, Map<String, String> files) {
        try {
            Path dir = Files.createTempDirectory(parent, "app-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (var file : files.entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code tar -czf - -C dir .}, as the README tells users to pack an app. */
    static byte[] tgz(Path dir, String... tarOptions) {
        try {
            var command = new java.util.ArrayList<>(java.util.List.of("tar"));
            command.addAll(java.util.List.of(tarOptions));
            command.addAll(java.util.List.of("-czf", "-", "-C", dir.toString(), "."));
            Process tar = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] bytes = tar.getInputStream().readAllBytes();
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("tar failed for " + dir);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static AppRef newApp(String name) {
        return new AppRef(UUID.randomUUID(), UUID.randomUUID(), name);
    }

    /** A deployment of {@code source} with {@code replicas} per type (types not named get one). */
    static Deployment deployment(AppRef app, int version, PreparedSource source, Map<String, Integer> replicas,
                                 Map<String, String> env) {
        Map<String, ProcessSpec> specs = new LinkedHashMap<>();
        source.processes().forEach((type, command) ->
                specs.put(type, new ProcessSpec(type, command, replicas.getOrDefault(type, 1), "small")));
        return new Deployment(app, UUID.randomUUID(), version, source.kind(), source.ref(), specs, env);
    }
}

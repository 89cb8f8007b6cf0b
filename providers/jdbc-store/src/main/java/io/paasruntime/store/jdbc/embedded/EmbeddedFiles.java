package io.paasruntime.store.jdbc.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the embedded server keeps its files, below {@code <runtime data dir>/postgres}. The folder
 * is readable by its owner only: it holds the superuser password and the unpacked binaries (which
 * zonky makes world-writable, so they must sit inside a folder nobody else can enter).
 */
record EmbeddedFiles(Path root) {

    static EmbeddedFiles at(Path root) {
        return new EmbeddedFiles(root.toAbsolutePath().normalize());
    }

    /** The PostgreSQL data directory ({@code PGDATA}). */
    Path pgData() {
        return root.resolve("pgdata");
    }

    /** Where zonky unpacks the PostgreSQL binaries. */
    Path binaries() {
        return root.resolve("binaries");
    }

    Path passwordFile() {
        return root.resolve("superuser-password");
    }

    Path portFile() {
        return root.resolve("port");
    }

    /** Held while a runtime uses this folder, so two runtimes never share one server. */
    Path lockFile() {
        return root.resolve("runtime.lock");
    }

    Path serverLog() {
        return root.resolve("server.log");
    }

    /**
     * Creates the owner-only folders and log, or tightens them again: zonky makes the binaries folder
     * world-writable on every start, and the server log may quote statements that carry passwords.
     */
    void secure() throws IOException {
        for (Path dir : new Path[]{root, binaries()}) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        if (!Files.exists(serverLog())) {
            Files.createFile(serverLog());
        }
        Files.setPosixFilePermissions(serverLog(), PosixFilePermissions.fromString("rw-------"));
    }
}

package io.paasruntime.store.jdbc.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The embedded server's superuser password: generated once, then kept in a 0600 file. */
final class SuperuserPassword {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SuperuserPassword() {
    }

    /** The stored password, or a new one written to {@code file} first. */
    static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            // Someone may have loosened it by hand; the file is a credential.
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            String stored = OwnerOnlyFile.read(file);
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        // URL-safe alphabet: no characters that need quoting in a JDBC URL or a pg_ctl command line.
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OwnerOnlyFile.write(file, password + "\n");
        return password;
    }
}

package io.paasruntime.store.jdbc.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The client authentication rules of the embedded server, written before every start so that a
 * data directory made by an older or foreign initdb (zonky's default is {@code trust}) is brought
 * to password logins too.
 */
final class ScramOnlyHba {
    static final String RULES = """
            # Written by PaaS Runtime before every start: SCRAM password logins only, loopback only.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private ScramOnlyHba() {
    }

    static void writeInto(File pgData) {
        try {
            OwnerOnlyFile.write(pgData.toPath().resolve("pg_hba.conf"), RULES);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write pg_hba.conf", e);
        }
    }
}

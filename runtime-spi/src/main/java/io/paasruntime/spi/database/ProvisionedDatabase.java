package io.paasruntime.spi.database;

import java.util.Objects;

/**
 * A created database. {@link #toString()} hides the URL, which holds the password.
 *
 * @param externalRef the handle to deprovision it with
 * @param url         {@code postgres://role:password@host:port/db}
 */
public record ProvisionedDatabase(String externalRef, String url) {
    public ProvisionedDatabase {
        Objects.requireNonNull(externalRef, "externalRef");
        Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
        return "ProvisionedDatabase[" + externalRef + "]";
    }
}

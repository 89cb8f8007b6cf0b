package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.StateStore;
import io.paasruntime.spi.store.Tenant;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * A runtime to kill: run in a child JVM by {@link EmbeddedPostgresTest}, it opens the embedded store
 * in {@code args[0]}, records tenant {@code args[1]} named {@code args[2]}, prints {@code ready} and
 * waits for {@code kill -9}.
 */
public final class KilledRuntimeMain {
    private KilledRuntimeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StateStore store = TestStores.embedded(Path.of(args[0]));
        store.tenants().insert(new Tenant(UUID.fromString(args[1]), args[2], Instant.now()));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

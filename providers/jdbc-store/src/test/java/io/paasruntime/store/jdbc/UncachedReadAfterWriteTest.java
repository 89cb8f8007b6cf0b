package io.paasruntime.store.jdbc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads after writes with {@code store.cache=false}: the same answers, every one from the database. */
class UncachedReadAfterWriteTest extends ReadAfterWriteTest {

    @BeforeAll
    static void start() {
        open("false");
    }

    @Test
    void noStoreEverServesFromTheCache() {
        readEverywhere(newApp(newTenant(), "uncached"));
        assertThat(((JdbcStateStore) store).cacheServing()).isFalse();
        assertThat(((JdbcStateStore) replica).cacheServing()).isFalse();
    }
}

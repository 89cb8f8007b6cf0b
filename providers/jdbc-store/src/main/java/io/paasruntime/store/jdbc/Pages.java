package io.paasruntime.store.jdbc;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.Page;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Keyset pages: the query fetches {@code limit + 1} rows; an extra row means there is a next page. */
final class Pages {
    private Pages() {
    }

    static int fetchSize(int limit) {
        if (limit < 1) {
            throw ProviderException.invalid("limit", "limit must be at least 1");
        }
        return limit == Integer.MAX_VALUE ? limit : limit + 1;
    }

    static <T, K> Page<T, K> of(List<T> fetched, int limit, Function<T, K> key) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(key.apply(items.getLast())));
    }
}

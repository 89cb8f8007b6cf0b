package io.paasruntime.spi.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of a keyset-paginated listing.
 *
 * @param items the items, in the listing's stable order
 * @param next  the key to pass to get the next page, empty on the last page
 * @param <T>   item type
 * @param <K>   key type
 */
public record Page<T, K>(List<T> items, Optional<K> next) {
    public Page {
        items = List.copyOf(items);
    }
}

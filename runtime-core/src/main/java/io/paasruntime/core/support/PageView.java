package io.paasruntime.core.support;

import java.util.List;

/** A page as the API answers it: {@code {"items":[…],"next_cursor":…|null}}. */
public record PageView<T>(List<T> items, String nextCursor) {
    public PageView {
        items = List.copyOf(items);
    }
}

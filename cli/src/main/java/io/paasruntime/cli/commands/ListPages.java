package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiClient;
import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads every page of a {@code {"items","next_cursor"}} list. */
final class ListPages {
    private static final int MAX_PAGES = 100;

    private ListPages() {
    }

    /** @param page builds the path of the page after {@code cursor} (null for the first) */
    static List<JsonNode> all(ApiClient api, Function<String, ApiPath> page) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < MAX_PAGES; i++) {
            JsonNode answer = api.get(page.apply(cursor));
            items.addAll(items(answer));
            if (answer.isArray()) {
                return items;
            }
            cursor = answer.get("next_cursor").text();
            if (cursor.isEmpty()) {
                break;
            }
        }
        return items;
    }

    /** The items of one list answer, whether the server wrapped them in {@code {"items"}} or not. */
    static List<JsonNode> items(JsonNode answer) {
        return answer.isArray() ? answer.elements() : answer.get("items").elements();
    }

    /** The items as one list document, the shape {@code --json} prints. */
    static JsonNode asDocument(List<JsonNode> items) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("items", items.stream().map(JsonNode::raw).toList());
        doc.put("next_cursor", null);
        return JsonNode.of(doc);
    }
}

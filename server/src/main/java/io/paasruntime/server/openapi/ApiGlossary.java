package io.paasruntime.server.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words the document needs beyond the route declarations: what each tag (resource) is and what
 * each path parameter names. A route with a tag or a path parameter missing here fails the build of
 * the document, so nothing reaches the document undescribed.
 */
final class ApiGlossary {
    private static final Map<String, String> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("auth", "Sign up, log in for a bearer token, and the keys tokens are signed with. Open routes, "
                + "limited to 30 requests a minute per source address.");
        TAGS.put("apps", "Apps: create, list, show, rename, soft-delete (restorable for 30 days) and restore. "
                + "`{id}` is the app's id or its name.");
        TAGS.put("deploys", "Releases: deploy a `.tar.gz` artifact with a Procfile or a container image, list and "
                + "show releases, roll back to an earlier one.");
        TAGS.put("processes", "What runs: process types and their instances, scaling, rolling restarts.");
        TAGS.put("config", "Config vars: a flat object of strings, injected into the app's processes. A change "
                + "makes a new release.");
        TAGS.put("addons", "PostgreSQL databases attached to apps; the URL reaches the app as a config var.");
        TAGS.put("logs", "Log lines of the app's processes and of the runtime about the app, as a page or a "
                + "live stream of server-sent events.");
        TAGS.put("metrics", "CPU, memory, restarts and requests per process type over a time range.");
        TAGS.put("health", "Liveness of the server, and which provider serves each port.");
        TAGS.put("meta", "This API's description: the OpenAPI document as JSON or YAML. Swagger UI shows it at "
                + "[/v1/docs](/v1/docs).");
    }

    private ApiGlossary() {
    }

    /** Tags in the order the document lists them. */
    static Map<String, String> tags() {
        return TAGS;
    }

    static String tag(String name, String route) {
        String description = TAGS.get(name);
        if (description == null) {
            throw new IllegalStateException(route + ": tag '" + name + "' has no description in "
                    + ApiGlossary.class.getName());
        }
        return description;
    }

    /** What the path parameter {@code name} of {@code path} names. */
    static String pathParameter(String path, String name) {
        if (path.startsWith("/v1/addons/") && name.equals("id")) {
            return "The add-on's id.";
        }
        return switch (name) {
            case "id" -> "The app's id or its name.";
            case "rid" -> "The release: its id, its version number (`3`) or `v3`.";
            case "type" -> "A process type of the current release, as named in its Procfile, e.g. `web`.";
            default -> throw new IllegalStateException(path + ": path parameter '" + name + "' has no description in "
                    + ApiGlossary.class.getName());
        };
    }
}

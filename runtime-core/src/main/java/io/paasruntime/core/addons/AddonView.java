package io.paasruntime.core.addons;

/**
 * An add-on as the API shows it: {@code {"id","app_id","kind","name","plan","status","config_var",
 * "created_at"}}. It never carries the credentials; those are only in the app's config vars.
 *
 * @param status    {@code provisioning}, {@code available} or {@code deprovisioned}
 * @param configVar the config var its URL is set as, e.g. {@code DATABASE_URL}
 */
public record AddonView(String id, String appId, String kind, String name, String plan, String status,
                        String configVar, String createdAt) {
}

package io.paasruntime.core.releases;

import io.paasruntime.core.support.Times;
import io.paasruntime.spi.store.Release;

import java.util.Map;
import java.util.TreeMap;

/**
 * A release as the API shows it. Config values are never shown here, only which keys were set.
 *
 * @param source     {@code {"kind":"artifact"|"image","ref":…}}
 * @param processes  process type → command
 * @param rollbackOf the version it copies, or null
 */
public record ReleaseView(String id, String appId, int version, String status, String statusReason, Source source,
                          Map<String, String> processes, java.util.List<String> configKeys, String description,
                          Integer rollbackOf, String createdAt, String createdBy, boolean current) {

    public record Source(String kind, String ref) {
    }

    public static ReleaseView of(Release r, boolean current) {
        return new ReleaseView(r.id().toString(), r.appId().toString(), r.version(), r.status().wireName(),
                r.statusReason().orElse(null), new Source(r.sourceKind(), r.source()), new TreeMap<>(r.processes()),
                r.config().keySet().stream().sorted().toList(), r.description().orElse(null), r.rollbackOf().orElse(null),
                Times.format(r.createdAt()), r.createdBy(), current);
    }
}

package io.paasruntime.core.releases;

import io.paasruntime.core.support.Times;
import io.paasruntime.spi.store.Release;

import java.util.Map;
import java.util.TreeMap;

/**
 * A release as the API shows it. Config values are never shown here, only which keys were set.
 *
 * @param source     the artifact digest ({@code sha256:…}) or the image reference
 * @param sourceKind {@code artifact} or {@code image}
 * @param processes  process type → {@code {"command":…}}, the shape an image deploy sends
 * @param rollbackOf the version it copies, or null
 */
public record ReleaseView(String id, String appId, int version, String status, String statusReason, String source,
                          String sourceKind, Map<String, ProcessCommand> processes, java.util.List<String> configKeys,
                          String description, Integer rollbackOf, String createdAt, String createdBy, boolean current) {

    /** One process type's command. */
    public record ProcessCommand(String command) {
    }

    public static ReleaseView of(Release r, boolean current) {
        Map<String, ProcessCommand> processes = new TreeMap<>();
        r.processes().forEach((type, command) -> processes.put(type, new ProcessCommand(command)));
        return new ReleaseView(r.id().toString(), r.appId().toString(), r.version(), r.status().wireName(),
                r.statusReason().orElse(null), r.source(), r.sourceKind(), processes,
                r.config().keySet().stream().sorted().toList(), r.description().orElse(null), r.rollbackOf().orElse(null),
                Times.format(r.createdAt()), r.createdBy(), current);
    }
}

package io.paasruntime.server.openapi;

import io.paasruntime.core.addons.AddonView;
import io.paasruntime.core.apps.AppView;
import io.paasruntime.core.processes.ProcessesView;
import io.paasruntime.core.releases.ReleaseView;
import io.paasruntime.core.support.PageView;
import io.paasruntime.core.telemetry.LogsView;
import io.paasruntime.core.telemetry.MetricsView;
import io.paasruntime.server.api.AddonsService;
import io.paasruntime.server.api.AppsService;
import io.paasruntime.server.api.AuthService;
import io.paasruntime.server.api.DeploysService;
import io.paasruntime.spi.store.ReleaseStatus;
import io.paasruntime.spi.telemetry.MetricKind;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Java body types cannot say about their JSON: which answer fields may be {@code null},
 * which request fields are required, and the values a text field takes. Boxed numbers
 * ({@code Integer}) are nullable without being listed; a field left out of answers when empty says
 * so itself with {@code @JsonInclude}. Every name here is checked against the
 * record's components when the document is built, so a renamed field fails the build's tests.
 */
final class SchemaHints {
    /** Answer fields written as {@code null} when there is no value. */
    private static final Map<Class<?>, Set<String>> NULLABLE = Map.of(
            AppView.class, Set.of("deletedAt", "currentRelease", "webUrl"),
            PageView.class, Set.of("nextCursor"),
            LogsView.class, Set.of("nextCursor"),
            ReleaseView.class, Set.of("statusReason", "description"),
            ProcessesView.InstanceView.class, Set.of("startedAt"));

    /** Request fields the server refuses to go without. */
    private static final Map<Class<?>, Set<String>> REQUIRED = Map.of(
            AuthService.LoginBody.class, Set.of("email", "password"),
            AuthService.SignupBody.class, Set.of("email", "password", "tenant"),
            AppsService.CreateAppBody.class, Set.of("name"),
            AppsService.UpdateAppBody.class, Set.of("name"),
            AddonsService.CreateDatabaseBody.class, Set.of("app"),
            DeploysService.ImageDeployBody.class, Set.of("image"),
            DeploysService.ProcessBody.class, Set.of("command"));

    /** Text fields with a closed set of values. */
    private static final Map<Class<?>, Map<String, List<String>>> ENUMS = Map.of(
            ReleaseView.class, Map.of("status", releaseStatuses(), "sourceKind", List.of("artifact", "image")),
            AppView.CurrentRelease.class, Map.of("status", releaseStatuses()),
            AddonView.class, Map.of("kind", List.of("postgresql"),
                    "status", List.of("provisioning", "available", "deprovisioned")),
            MetricsView.class, Map.of("kind", Arrays.stream(MetricKind.values()).map(MetricKind::wireName).toList(),
                    "unit", Arrays.stream(MetricKind.values()).map(MetricKind::unit).distinct().toList()),
            ErrorResponses.ErrorView.BodyView.class, Map.of("code", ErrorResponses.CODES));

    private SchemaHints() {
    }

    static boolean nullable(Class<?> record, String component) {
        return NULLABLE.getOrDefault(record, Set.of()).contains(component);
    }

    static boolean required(Class<?> record, String component) {
        return REQUIRED.getOrDefault(record, Set.of()).contains(component);
    }

    static List<String> enumValues(Class<?> record, String component) {
        return ENUMS.getOrDefault(record, Map.of()).getOrDefault(component, List.of());
    }

    /** Every hint names a real component: a rename in a view must be carried over here. */
    static void checkNames() {
        for (Map<Class<?>, Set<String>> table : List.of(NULLABLE, REQUIRED)) {
            table.forEach(SchemaHints::checkNames);
        }
        ENUMS.forEach((type, fields) -> checkNames(type, fields.keySet()));
    }

    private static void checkNames(Class<?> record, Set<String> names) {
        Set<String> components = Set.copyOf(Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList());
        for (String name : names) {
            if (!components.contains(name)) {
                throw new IllegalStateException(record.getName() + " has no component '" + name
                        + "' named in the OpenAPI schema hints");
            }
        }
    }

    private static List<String> releaseStatuses() {
        return Arrays.stream(ReleaseStatus.values()).map(ReleaseStatus::wireName).toList();
    }
}

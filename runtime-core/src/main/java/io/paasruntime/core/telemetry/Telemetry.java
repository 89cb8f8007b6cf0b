package io.paasruntime.core.telemetry;

import io.paasruntime.core.apps.Apps;
import io.paasruntime.core.errors.ProviderErrors;
import io.paasruntime.core.errors.Unavailable;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.support.Caller;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.LogPage;
import io.paasruntime.spi.telemetry.LogQuery;
import io.paasruntime.spi.telemetry.LogSource;
import io.paasruntime.spi.telemetry.MetricKind;
import io.paasruntime.spi.telemetry.MetricSeries;
import io.paasruntime.spi.telemetry.MetricSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading an app's logs and metrics. Inputs are checked here (each bad one refused by name), the
 * app is resolved within the caller's tenant (another tenant's app is {@code not_found}), and the
 * configured sources are asked; without a source the answer is {@code unavailable}. Thread-safe.
 */
public final class Telemetry {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** The ranges a metrics request may ask for, and the step each gets unless one is given. */
    public static final Map<String, Duration> DEFAULT_STEPS = defaultSteps();
    public static final int MAX_POINTS = 1000;
    private static final Pattern PROCESS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final int MAX_TEXT = 256;

    private final Apps apps;
    private final Optional<LogSource> logs;
    private final Optional<MetricSource> metrics;
    private final Clock clock;

    public Telemetry(Apps apps, Optional<LogSource> logs, Optional<MetricSource> metrics, Clock clock) {
        this.apps = apps;
        this.logs = logs;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The newest {@code limit} lines matching the request, oldest first. */
    public LogsView logs(Caller caller, String idOrName, LogRequest request) {
        LogQuery query = logQuery(request);
        LogSource source = logSource();
        AppRef app = Apps.ref(apps.resolve(caller, idOrName));
        LogPage page;
        try {
            page = source.query(app, query);
        } catch (ProviderException e) {
            throw ProviderErrors.translate(e);
        }
        return new LogsView(page.lines().stream().map(LogsView.LineView::of).toList(), page.nextCursor().orElse(null));
    }

    /** Follows the app's new lines matching {@code process} and {@code q}; the caller closes it. */
    public LogFollow follow(Caller caller, String idOrName, LogRequest request) {
        LogQuery filter = logQuery(request);
        LogSource source = logSource();
        AppRef app = Apps.ref(apps.resolve(caller, idOrName));
        LogFollow follow = new LogFollow(LogFollow.CAPACITY, clock);
        try {
            follow.subscribed(source.follow(app, filter, follow::offer));
        } catch (ProviderException e) {
            throw ProviderErrors.translate(e);
        }
        return follow;
    }

    /** Series of {@code kind} (default {@code cpu}) over {@code range} (default {@code 1h}), per process type. */
    public MetricsView metrics(Caller caller, String idOrName, Optional<String> range, Optional<String> kind,
                               Optional<String> step) {
        String rangeText = range.orElse("1h").trim();
        Duration rangeLength = Optional.ofNullable(DEFAULT_STEPS.containsKey(rangeText) ? rangeText : null)
                .flatMap(TelemetryInputs::duration)
                .orElseThrow(() -> ValidationFailed.of("range", "must be one of " + String.join(", ", DEFAULT_STEPS.keySet())));
        MetricKind metricKind = kind(kind.orElse("cpu"));
        Duration stepLength = step.map(s -> step(s, rangeLength)).orElse(DEFAULT_STEPS.get(rangeText));
        MetricSource source = metrics.orElseThrow(() -> new Unavailable("metrics are not available: no metrics provider is configured"));
        AppRef app = Apps.ref(apps.resolve(caller, idOrName));
        MetricSeries series;
        try {
            series = source.series(app, metricKind, rangeLength, stepLength);
        } catch (ProviderException e) {
            throw ProviderErrors.translate(e);
        }
        List<MetricsView.SeriesView> views = new ArrayList<>();
        for (MetricSeries.ProcessSeries s : series.series()) {
            views.add(new MetricsView.SeriesView(s.process(), s.points().stream()
                    .map(p -> List.<Object>of(p.ts().toString(), p.value())).toList()));
        }
        return new MetricsView(metricKind.wireName(), metricKind.unit(), rangeText, stepLength.toSeconds(), views);
    }

    private LogQuery logQuery(LogRequest request) {
        Instant now = clock.instant();
        Optional<Instant> since = request.since().filter(s -> !s.isBlank()).map(s -> TelemetryInputs.time("since", s, now));
        Optional<Instant> until = request.until().filter(s -> !s.isBlank()).map(s -> TelemetryInputs.time("until", s, now));
        if (since.isPresent() && until.isPresent() && !until.get().isAfter(since.get())) {
            throw ValidationFailed.of("until", "must be after since");
        }
        int limit = request.limit().map(l -> TelemetryInputs.integer("limit", l, 1, MAX_LIMIT)).orElse(DEFAULT_LIMIT);
        Optional<String> process = request.process().filter(p -> !p.isBlank());
        if (process.isPresent() && !PROCESS.matcher(process.get()).matches()) {
            throw ValidationFailed.of("process", "must be a process type name such as web or worker");
        }
        Optional<String> q = request.q().filter(t -> !t.isEmpty());
        if (q.isPresent() && q.get().length() > MAX_TEXT) {
            throw ValidationFailed.of("q", "must be at most " + MAX_TEXT + " characters");
        }
        Optional<String> cursor = request.cursor().filter(c -> !c.isBlank());
        if (cursor.isPresent() && cursor.get().length() > MAX_TEXT) {
            throw ValidationFailed.of("cursor", "is not one this server handed out");
        }
        return new LogQuery(since, until, process, q, limit, cursor);
    }

    private LogSource logSource() {
        return logs.orElseThrow(() -> new Unavailable("logs are not available: no logs provider is configured"));
    }

    private static MetricKind kind(String text) {
        return Arrays.stream(MetricKind.values()).filter(k -> k.wireName().equals(text.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ValidationFailed.of("kind", "must be one of " + String.join(", ",
                        Arrays.stream(MetricKind.values()).map(MetricKind::wireName).toList())));
    }

    private static Duration step(String text, Duration range) {
        String trimmed = text.trim();
        // a bare number counts as seconds, as the answer's step_seconds does
        Duration step = (trimmed.matches("\\d{1,7}") ? java.util.Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)))
                : TelemetryInputs.duration(text))
                .orElseThrow(() -> ValidationFailed.of("step", "must be a duration like 30s, 5m or 1h, or a number of seconds"));
        if (step.compareTo(Duration.ofSeconds(1)) < 0 || step.compareTo(range) > 0
                || range.dividedBy(step) > MAX_POINTS) {
            throw ValidationFailed.of("step", "must be between 1s and the range, with at most " + MAX_POINTS + " points");
        }
        return step;
    }

    private static Map<String, Duration> defaultSteps() {
        Map<String, Duration> steps = new LinkedHashMap<>();
        steps.put("5m", Duration.ofSeconds(10));
        steps.put("15m", Duration.ofSeconds(30));
        steps.put("1h", Duration.ofMinutes(1));
        steps.put("6h", Duration.ofMinutes(5));
        steps.put("24h", Duration.ofMinutes(15));
        steps.put("7d", Duration.ofHours(1));
        return java.util.Collections.unmodifiableMap(steps);
    }
}

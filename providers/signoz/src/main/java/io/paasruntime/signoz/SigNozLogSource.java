package io.paasruntime.signoz;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogPage;
import io.paasruntime.spi.telemetry.LogQuery;
import io.paasruntime.spi.telemetry.LogSink;
import io.paasruntime.spi.telemetry.LogSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code signoz} log source: {@code raw} logs queries filtered on the app's resource attributes.
 * Pages go back by SigNoz's log id ({@code id < '…'}, as SigNoz documents for timestamp-ordered
 * paging); the cursor carries that id. {@code since} and {@code until} go to SigNoz in milliseconds
 * and are applied to the nanosecond here. {@code follow} polls (see {@link LogPoller}). Thread-safe.
 */
final class SigNozLogSource implements LogSource {
    private static final String CURSOR_PREFIX = "id:";

    private final SigNozClient client;
    private final SigNozSettings settings;
    private final LogRows rows;
    private final Duration window;
    private final Duration pollInterval;
    private final Clock clock;
    private final Set<LogPoller> pollers = ConcurrentHashMap.newKeySet();

    SigNozLogSource(SigNozClient client, SigNozSettings settings, String streamAttribute, Duration window,
                    Duration pollInterval, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.rows = new LogRows(settings, streamAttribute);
        this.window = window;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    @Override
    public LogPage query(AppRef app, LogQuery query) {
        Instant until = query.until().orElse(clock.instant().plusMillis(1));
        Instant since = query.since().orElse(until.minus(window));
        FilterExpression filter = filter(app, query);
        if (query.cursor().isPresent()) {
            filter = filter.andBefore("id", parseCursor(query.cursor().get()));
        }
        List<LogRows.Row> found = fetch(filter, since, until, query.limit() + 1);
        List<LogRows.Row> newestFirst = new ArrayList<>();
        for (LogRows.Row row : found) {
            Instant ts = row.line().ts();
            if (!ts.isBefore(since) && ts.isBefore(until)) {
                newestFirst.add(row);
            }
        }
        boolean more = found.size() > query.limit();
        List<LogRows.Row> page = newestFirst.subList(0, Math.min(query.limit(), newestFirst.size()));
        Optional<String> cursor = more && !page.isEmpty() ? Optional.of(cursor(page.getLast().id())) : Optional.empty();
        List<LogLine> lines = new ArrayList<>(page.stream().map(LogRows.Row::line).toList());
        Collections.reverse(lines);
        return new LogPage(lines, cursor);
    }

    @Override
    public AutoCloseable follow(AppRef app, LogQuery filter, LogSink sink) {
        LogPoller poller = new LogPoller(this, filter(app, filter), clock.instant(), pollInterval, sink, pollers::remove);
        pollers.add(poller);
        poller.start(app.appName());
        return poller;
    }

    /** Rows of the window, newest first; SigNoz's {@code end} is inclusive, so it is widened to the next millisecond. */
    List<LogRows.Row> fetch(FilterExpression filter, Instant since, Instant until, int limit) {
        Instant start = since.truncatedTo(ChronoUnit.MILLIS);
        Instant end = until.truncatedTo(ChronoUnit.MILLIS).equals(until) ? until : until.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        return rows.read(client.firstResult(QueryBodies.logs(start, end, filter, limit)));
    }

    Clock clock() {
        return clock;
    }

    private FilterExpression filter(AppRef app, LogQuery query) {
        FilterExpression filter = settings.appFilter(app);
        if (query.process().isPresent()) {
            filter = filter.andEqual(settings.processAttribute(), query.process().get());
        }
        if (query.text().isPresent()) {
            filter = filter.andContains("body", query.text().get());
        }
        return filter;
    }

    static String cursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    static String parseCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX) && text.length() > CURSOR_PREFIX.length()) {
                return text.substring(CURSOR_PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // not base64: refused below
        }
        throw ProviderException.invalid("cursor", "cursor is not one this server handed out");
    }

    @Override
    public void close() {
        List.copyOf(pollers).forEach(LogPoller::close);
        client.close();
    }
}
